// The one session a batch holds on its target server (docs/options.md, docs/stages.md, docs/config.md#target-session).
// The only module that talks to the target: the auditor reads metadata through `query`, the executor runs rows
// through `execute`, the backup stage asks for binlog positions. One pinned mysql2 connection per batch, so the
// thread id recorded on each row is the one that wrote the binlog events.

import { performance } from 'node:perf_hooks';
import { constants as fsConstants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { isIP } from 'node:net';
import { isAbsolute, join, sep } from 'node:path';
import tls from 'node:tls';
import mysql from 'mysql2/promise';
import type { ConnectionOptions, FieldPacket, ResultSetHeader } from 'mysql2/promise';
import type { Connection as CoreConnection } from 'mysql2';
import type { BatchOptions } from '../options/magic-comment.js';
import { skipSpaceAndComments } from '../sql/lex.js';

/** The `[inc]` settings the session applies (Config and Settings both carry them under `inc`). */
export interface TargetIncSettings {
  default_charset?: string;
  sql_mode?: string;
  sql_safe_updates?: number;
  lock_wait_timeout?: number;
  /** The only directory --ssl-ca/--ssl-cert/--ssl-key may name files in; '' refuses them (docs/security.md). */
  tls_files_dir?: string;
  /** Seconds the target may stay silent while a query is in flight (docs/security.md "Timeouts"). */
  target_read_timeout?: number;
}

export interface ServerInfo {
  /** `version` as the server reports it, e.g. `10.11.19-MariaDB-0+deb12u1`. */
  version: string;
  versionComment: string;
  /** MAJOR*10000 + MINOR*100 + PATCH (`10.11.19` → 101119); 0 when unreadable. */
  versionNumber: number;
  isMariaDb: boolean;
  isTiDb: boolean;
  lowerCaseTableNames: number;
  sqlMode: string;
  explicitDefaultsForTimestamp: boolean;
  innodbLargePrefix: boolean | null;
  wsrepOn: boolean;
  enforceGtidConsistency: string;
  gtidMode: string;
  characterSetDatabase: string;
}

export interface BinlogPosition {
  file: string;
  position: number;
}

export interface ExecuteResult {
  /** Rows changed (UPDATE counts changed rows, not matched rows, like go-sql-driver). */
  affectedRows: number;
  seconds: number;
}

/** The error shape mysql2 throws; `fatal` means the connection is gone. */
export interface DriverError extends Error {
  code?: string;
  errno?: number;
  sqlState?: string;
  sqlMessage?: string;
  fatal?: boolean;
}

export const CONNECT_TIMEOUT_MS = 10_000;
/** After KILL CONNECTION, how long a statement in flight may still finish before the session is given up. */
export const KILL_GRACE_MS = 2_000;
const DEFAULT_READ_TIMEOUT_S = 28_800;

/** What the session watches of its client connection's process entry (process/registry.ts ProcessEntry). */
export interface KillWatch {
  readonly signal: AbortSignal;
  readonly closeRequested: boolean;
}

/**
 * A statement that was never sent because the connection was already lost: its result is known (it did not run).
 * A lost connection all the same (fatal), so the executor stops and does not roll back on it.
 */
export class StatementNotSent extends Error {
  readonly fatal = true;
  readonly code = 'PROTOCOL_CONNECTION_LOST';
}

/** mysql2's refusal of a command on a connection it has closed, raised before anything is written. */
const DRIVER_CLOSED_REFUSAL = "Can't add new command when connection is in closed state";

/** The error an abandoned query fails with: fatal, so the executor reports the row's result as unknown. */
function abandonedError(message: string): DriverError {
  const err: DriverError = new Error(message);
  err.code = 'PROTOCOL_CONNECTION_LOST';
  err.fatal = true;
  return err;
}

const SERVER_VARIABLES = [
  'innodb_large_prefix',
  'version',
  'version_comment',
  'sql_mode',
  'lower_case_table_names',
  'wsrep_on',
  'explicit_defaults_for_timestamp',
  'enforce_gtid_consistency',
  'gtid_mode',
  'character_set_database',
];

export class TargetSession {
  private threadIdCache: number | null = null;
  private closed = false;
  /** The server or the network ended the connection (a DBA's KILL, a restart): the next read reconnects. */
  private lostReason: string | null = null;
  private pinned = false;
  /** Session state set on this session (USE, SET), replayed in order on a new connection (docs/kill.md). */
  private readonly sessionState: string[] = [];
  /** Fails the query in flight (set while one is). */
  private abandonInFlight: ((err: DriverError) => void) | null = null;
  /** performance.now() when the query in flight was sent; null while none is. */
  private inFlightSince: number | null = null;
  /** One timer per session watches target_read_timeout (a timer per query cost the execute loop per statement). */
  private readWatchTimer: NodeJS.Timeout | null = null;
  private killWatchTimer: NodeJS.Timeout | null = null;
  private readonly readTimeoutMs: number;

  private constructor(
    private conn: mysql.Connection,
    readonly serverInfo: ServerInfo,
    readTimeoutS: number,
    private readonly reopen: () => Promise<mysql.Connection>,
  ) {
    this.readTimeoutMs = Math.min(readTimeoutS * 1000, 2 ** 31 - 1);
    this.watchConnection(conn);
  }

  /** A dead connection emits 'error' outside any query; without a listener that would crash the process. */
  private watchConnection(conn: mysql.Connection): void {
    conn.on('error', (err: DriverError) => {
      if (conn === this.conn && !this.closed) this.lostReason = driverMessage(err);
    });
  }

  /**
   * Connects, reads the server variables once and applies the session settings of `[inc]`.
   * Throws the driver's error (the caller turns it into `con:<id> <message>`).
   */
  static async connect(options: BatchOptions, settings: { inc: TargetIncSettings }): Promise<TargetSession> {
    const inc = settings.inc;
    const reopen = () => openConnection(options, inc);
    const conn = await reopen();
    try {
      const [rows] = await conn.query(
        `SHOW VARIABLES WHERE Variable_name IN (${SERVER_VARIABLES.map((v) => `'${v}'`).join(',')})`,
      );
      const vars = new Map<string, string>();
      for (const r of rows as { Variable_name: string; Value: string | null }[]) vars.set(r.Variable_name.toLowerCase(), r.Value ?? '');
      return new TargetSession(conn, serverInfoFrom(vars), inc.target_read_timeout || DEFAULT_READ_TIMEOUT_S, reopen);
    } catch (err) {
      conn.destroy();
      throw err;
    }
  }

  /**
   * The SqlRunner the auditor uses: rows of a query (metadata, EXPLAIN, SHOW …, and USE). A read whose connection
   * was killed or lost, or that a KILL QUERY on the target interrupted, is asked again once on a new connection
   * with the session's state restored: reads change nothing, so the audit goes on as if nothing had happened.
   */
  async query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> {
    const [rows] = await this.read({ sql, values: params });
    this.rememberState(sql);
    return Array.isArray(rows) ? (rows as T[]) : [];
  }

  /** One read, asked again once on a new connection when the first was lost or interrupted (see query). */
  private async read(options: mysql.QueryOptions): Promise<[unknown, FieldPacket[] | undefined]> {
    await this.reconnectIfLost();
    try {
      return await this.inFlight(options);
    } catch (err) {
      if (this.closed || this.pinned || !(isConnectionLost(err) || isInterrupted(err))) throw err;
      this.lostReason ??= driverMessage(err);
      await this.reconnectIfLost();
      return await this.inFlight(options);
    }
  }

  /**
   * A statement's result as arrays of values with each column's wire type and character set (binary values arrive
   * as Buffers); in-batch SHOW/EXPLAIN render it (docs/stages.md "SHOW and EXPLAIN in a batch").
   */
  async resultSet(sql: string): Promise<{ columns: { type: number; charset: number }[]; rows: unknown[][] }> {
    const [rows, fields] = await this.read({ sql, rowsAsArray: true });
    const columns = ((fields ?? []) as FieldPacket[]).map((f) => ({ type: f.columnType ?? f.type ?? 0, charset: f.characterSet ?? 0 }));
    return { columns, rows: Array.isArray(rows) ? (rows as unknown[][]) : [] };
  }

  /**
   * Runs one row's SQL verbatim and measures it. Never retried, never sent on a new connection: a statement may
   * change data, so a connection lost before or during it fails it as a lost connection (its result unknown).
   */
  async execute(sql: string): Promise<ExecuteResult> {
    if (this.lostReason !== null) throw new StatementNotSent(this.lostReason);
    const t0 = performance.now();
    let result: unknown;
    try {
      [result] = await this.inFlight(sql, t0);
    } catch (err) {
      // The driver refuses a command on a connection it already knows is closed, before writing anything: a kill
      // of the idle session can reach it before its 'error' event does.
      if ((err as Error)?.message === DRIVER_CLOSED_REFUSAL) throw new StatementNotSent((this.lostReason ??= 'the server closed the connection'));
      throw err;
    }
    const seconds = (performance.now() - t0) / 1000;
    this.rememberState(sql);
    const header = Array.isArray(result) ? null : (result as ResultSetHeader);
    return { affectedRows: header?.affectedRows ?? 0, seconds };
  }

  /**
   * Pinned (while statements execute), a lost connection is not replaced: reads fail as the loss did, so a KILL on
   * the target ends execution instead of the next read quietly reconnecting under it.
   */
  pinConnection(pinned: boolean): void {
    this.pinned = pinned;
  }

  /** Why the connection is gone (a KILL on the target, a restart), or null while it is there. */
  get lostConnection(): string | null {
    return this.lostReason;
  }

  /**
   * After the connection was lost: a new one, with the batch's session state (database, SET NAMES, sql_mode,
   * time_zone … as this session set them) replayed in order. The thread id is read again when next asked.
   */
  async reconnectIfLost(): Promise<void> {
    if (this.lostReason === null || this.closed) return;
    if (this.pinned) throw abandonedError(this.lostReason);
    const old = this.conn;
    const conn = await this.reopen();
    try {
      for (const sql of this.sessionState) await conn.query(sql);
    } catch (err) {
      conn.destroy();
      throw err;
    }
    old.destroy();
    this.conn = conn;
    this.watchConnection(conn);
    this.threadIdCache = null;
    this.lostReason = null;
  }

  /** Keeps what a later reconnect must restore: USE and session SET statements (not SET GLOBAL, PASSWORD, TRANSACTION). */
  private rememberState(sql: string): void {
    // Called for every executed statement: only one that starts with USE or SET is worth keeping.
    const text = sql.slice(skipSpaceAndComments(sql));
    const first = text.charCodeAt(0) | 0x20;
    if (first !== 0x75 && first !== 0x73) return;
    if (/^use\b/i.test(text)) {
      // Only the last database matters.
      const i = this.sessionState.findIndex((s) => /^use\b/i.test(s));
      if (i >= 0) this.sessionState.splice(i, 1);
      this.sessionState.push(text);
    } else if (/^set\b/i.test(text) && !/^set\s+(global\b|@@global\.|persist|password\b|transaction\b|default\s+role\b)/i.test(text)) {
      this.sessionState.push(text);
    }
  }

  /** `select connection_id()`, asked once per batch (reduced mod 2^32 as goInception does). */
  async threadId(): Promise<number> {
    if (this.threadIdCache === null) {
      const rows = await this.query<{ id: string | number }>('SELECT CONNECTION_ID() AS id');
      this.threadIdCache = Number(BigInt(rows[0]?.id ?? 0) % 4294967296n);
    }
    return this.threadIdCache;
  }

  /** `SHOW MASTER STATUS`; null when binary logging is off. */
  async masterStatus(): Promise<BinlogPosition | null> {
    const rows = await this.query<{ File: string; Position: string | number }>('SHOW MASTER STATUS');
    const row = rows[0];
    return row ? { file: row.File, position: Number(row.Position) } : null;
  }

  /** One session variable, e.g. `read_only`, `log_bin` (null when the server has no such variable). */
  async variable(name: string): Promise<string | null> {
    const rows = await this.query<{ Value: string | null }>('SHOW VARIABLES LIKE ?', [name]);
    return rows[0]?.Value ?? null;
  }

  /** Closed by us, or lost (the next statement could not run on it). */
  get isClosed(): boolean {
    return this.closed || this.lostReason !== null;
  }

  /**
   * One query in flight, bounded (docs/security.md "Timeouts"): when the target stays silent for
   * target_read_timeout, or the client connection was killed (KILL CONNECTION) and the grace period is over,
   * the session is destroyed and the query fails as a lost connection — its result is unknown.
   * Sent through mysql2's callback API with one promise per query: the execute loop sends one query per statement,
   * and the promise wrapper, a race and a timer per query were a measurable part of its own cost (issue #13 bench).
   */
  private inFlight(options: string | mysql.QueryOptions, sentAt = performance.now()): Promise<[unknown, FieldPacket[] | undefined]> {
    if (this.closed) return Promise.reject(abandonedError('the target session is closed'));
    this.watchReads();
    return new Promise((resolve, reject) => {
      let settled = false;
      const abandon = (err: DriverError): void => {
        settled = true;
        reject(err);
      };
      this.abandonInFlight = abandon;
      this.inFlightSince = sentAt;
      coreOf(this.conn).query(options as mysql.QueryOptions, (err: unknown, rows: unknown, fields: unknown) => {
        // an abandoned query already failed; the driver's late answer (or its error on the destroyed socket) is moot
        if (settled) return;
        settled = true;
        if (this.abandonInFlight === abandon) {
          this.abandonInFlight = null;
          this.inFlightSince = null;
        }
        if (err) reject(err);
        else resolve([rows, fields as FieldPacket[] | undefined]);
      });
    });
  }

  /**
   * Starts the session's read watch: every quarter of target_read_timeout (at most every second) it gives up on a
   * query in flight longer than the timeout, so the timeout takes effect within a quarter (a second) after it.
   */
  private watchReads(): void {
    if (this.readWatchTimer !== null) return;
    const every = Math.max(10, Math.min(1000, this.readTimeoutMs / 4));
    this.readWatchTimer = setInterval(() => {
      if (this.inFlightSince !== null && performance.now() - this.inFlightSince >= this.readTimeoutMs) {
        this.abandon(`no answer from the target within ${this.readTimeoutMs / 1000} s`);
      }
    }, every);
    this.readWatchTimer.unref();
  }

  private stopReadWatch(): void {
    if (this.readWatchTimer) clearInterval(this.readWatchTimer);
    this.readWatchTimer = null;
  }

  /** Destroys the connection and fails the query in flight (if any). */
  private abandon(message: string): void {
    const fail = this.abandonInFlight;
    this.abandonInFlight = null;
    this.inFlightSince = null;
    this.closed = true;
    this.stopReadWatch();
    this.conn.destroy();
    fail?.(abandonedError(message));
  }

  /**
   * Watches the client's process entry: once KILL CONNECTION was asked (after a KILL QUERY too), a statement
   * still in flight after KILL_GRACE_MS is given up. A KILL QUERY alone lets it complete (docs/architecture.md).
   */
  watchKill(entry: KillWatch, graceMs = KILL_GRACE_MS): void {
    const onAbort = (): void => {
      let closeSeenAt: number | null = null;
      this.killWatchTimer = setInterval(() => {
        if (this.closed) return this.stopKillWatch();
        if (!entry.closeRequested) return;
        closeSeenAt ??= Date.now();
        if (Date.now() - closeSeenAt < graceMs) return;
        this.stopKillWatch();
        if (this.abandonInFlight) this.abandon('the target did not answer after KILL CONNECTION; gave up on its session');
      }, Math.max(10, Math.min(250, graceMs / 4)));
      this.killWatchTimer.unref();
    };
    if (entry.signal.aborted) onAbort();
    else entry.signal.addEventListener('abort', onAbort, { once: true });
  }

  private stopKillWatch(): void {
    if (this.killWatchTimer) clearInterval(this.killWatchTimer);
    this.killWatchTimer = null;
  }

  async close(): Promise<void> {
    this.stopKillWatch();
    this.stopReadWatch();
    if (this.closed) return;
    this.closed = true;
    try {
      await this.conn.end();
    } catch {
      this.conn.destroy();
    }
  }
}

/** The callback connection under mysql2/promise's wrapper (its `connection`, which the typings leave out). */
function coreOf(conn: mysql.Connection): CoreConnection {
  return (conn as unknown as { connection: CoreConnection }).connection;
}

/** One new connection with the `[inc]` session settings applied (TLS as `--ssl` asks). */
async function openConnection(options: BatchOptions, inc: TargetIncSettings): Promise<mysql.Connection> {
  const base = connectionOptions(options, inc);
  let conn: mysql.Connection;
  if (options.ssl === 'preferred' || options.ssl === 'true') {
    // "preferred": TLS when the server offers it, plain only when it offers none (a failed TLS handshake with a
    // server that does offer TLS is an error, as in the MySQL clients' PREFERRED mode).
    try {
      conn = await mysql.createConnection({ ...base, ssl: { rejectUnauthorized: false } });
    } catch (err) {
      if ((err as DriverError).code !== 'HANDSHAKE_NO_SSL_SUPPORT') throw err;
      conn = await mysql.createConnection(base);
    }
  } else {
    conn = await mysql.createConnection({ ...base, ssl: await tlsOptions(options, inc.tls_files_dir ?? '') });
  }
  try {
    if (options.ssl === 'verify_identity') verifyServerIdentity(conn, options.host);
    const sets: string[] = [];
    const params: unknown[] = [];
    if (inc.sql_mode) {
      sets.push('sql_mode = ?');
      params.push(inc.sql_mode);
    }
    if (inc.sql_safe_updates !== undefined && inc.sql_safe_updates !== -1 && inc.sql_safe_updates !== null) {
      sets.push(`sql_safe_updates = ${inc.sql_safe_updates > 0 ? 1 : 0}`);
    }
    if (inc.lock_wait_timeout !== undefined && inc.lock_wait_timeout > 0) {
      sets.push(`lock_wait_timeout = ${Math.floor(inc.lock_wait_timeout)}`);
    }
    if (sets.length > 0) await conn.query(`SET SESSION ${sets.join(', ')}`, params);
    return conn;
  } catch (err) {
    conn.destroy();
    throw err;
  }
}

function connectionOptions(options: BatchOptions, inc: TargetIncSettings): ConnectionOptions {
  return {
    host: options.host,
    port: options.port,
    user: options.user,
    password: options.password,
    database: options.db || undefined,
    charset: clientCharset(inc.default_charset),
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
    multipleStatements: false,
    connectTimeout: CONNECT_TIMEOUT_MS,
    // Without FOUND_ROWS the server reports changed rows for UPDATE, as go-sql-driver does. mysql2 also asks for
    // IGNORE_SPACE by default, which the server turns into sql_mode IGNORE_SPACE: function names become reserved
    // (`create table count (…)` fails) and the sql_mode read back is not the target's. go-sql-driver sends neither.
    flags: ['-FOUND_ROWS', '-IGNORE_SPACE'],
    // mysql2/promise copies a stack trace into every query for nicer errors; our errors become row messages.
    trace: false,
    // mysql2's own formatting scans the whole text for `?` placeholders even when a query has no values, once per
    // executed statement; only the parameterised reads (SHOW VARIABLES LIKE ?, SET sql_mode = ?) need it.
    queryFormat: (sql: string, values: unknown) => (Array.isArray(values) && values.length > 0 ? mysql.format(sql, values) : sql),
    // Lets a DBA with performance_schema tell inceptor's target sessions from others (session_connect_attrs).
    connectAttributes: { program_name: 'inceptor', inceptor_role: 'target' },
  };
}

/** mysql2's name for `default_charset`: it knows MySQL 5.7's `utf8`, not MariaDB/MySQL 8's alias `utf8mb3`. */
export function clientCharset(defaultCharset: string | undefined): string {
  const name = (defaultCharset || 'utf8mb4').toUpperCase();
  return name === 'UTF8MB3' ? 'UTF8' : name;
}

/**
 * `--ssl` modes (docs/options.md): required = TLS without verification; verify_ca = the server certificate must
 * chain to --ssl-ca; verify_identity = that, and its names must match the host. --ssl-cert/--ssl-key are the
 * client's pair. For an IP-address host mysql2 checks identity against "localhost" (it sends no SNI name and node
 * falls back to "localhost"), so there it only verifies the chain and `verifyServerIdentity` checks the names right
 * after the handshake — after authentication, which is a scramble for mysql_native_password (the target's usual
 * plugin).
 */
async function tlsOptions(options: BatchOptions, filesDir: string): Promise<ConnectionOptions['ssl']> {
  switch (options.ssl) {
    case 'required':
      return { rejectUnauthorized: false };
    case 'verify_ca':
      return { ...(await tlsMaterial(options, filesDir)), rejectUnauthorized: true, verifyIdentity: false };
    case 'verify_identity':
      return { ...(await tlsMaterial(options, filesDir)), rejectUnauthorized: true, verifyIdentity: isIP(options.host) === 0 };
    default:
      return undefined;
  }
}

/** All a client learns of a refused or broken TLS file: never whether it exists, what it is, or why. */
export const TLS_FILE_UNUSABLE = 'TLS file not usable';
/** PEM files are a few KB; anything bigger is not one. */
export const TLS_FILE_MAX_BYTES = 1 << 20;

/** Reads the three files (docs/security.md "TLS files") and proves they load together. */
async function tlsMaterial(options: BatchOptions, filesDir: string): Promise<{ ca: Buffer; cert: Buffer; key: Buffer }> {
  const [ca, cert, key] = await Promise.all([options.sslCa, options.sslCert, options.sslKey].map((path) => readTlsFile(path, filesDir)));
  const material = { ca: ca!, cert: cert!, key: key! };
  try {
    tls.createSecureContext(material);
  } catch {
    throw new Error(TLS_FILE_UNUSABLE);
  }
  return material;
}

/**
 * One file named by the magic comment: only a regular file, resolved (symlinks and `..` included) inside
 * `filesDir`, at most TLS_FILE_MAX_BYTES, read asynchronously. Opened non-blocking and checked on the open
 * handle, so a FIFO or device never blocks or streams; every failure is the same TLS_FILE_UNUSABLE.
 */
export async function readTlsFile(path: string, filesDir: string): Promise<Buffer> {
  if (filesDir === '' || path === '') throw new Error(TLS_FILE_UNUSABLE);
  try {
    const root = await realpath(filesDir);
    const real = await realpath(isAbsolute(path) ? path : join(root, path));
    if (!real.startsWith(root.endsWith(sep) ? root : root + sep)) throw new Error('outside the TLS files directory');
    const handle = await open(real, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK | fsConstants.O_NOFOLLOW);
    try {
      const stat = await handle.stat();
      if (!stat.isFile() || stat.size > TLS_FILE_MAX_BYTES) throw new Error('not a small regular file');
      const buffer = Buffer.alloc(Math.min(stat.size, TLS_FILE_MAX_BYTES) + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      if (bytesRead > TLS_FILE_MAX_BYTES) throw new Error('grew past the cap');
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    throw new Error(TLS_FILE_UNUSABLE);
  }
}

/** Throws when the server certificate does not name `host` (the handshake already verified the CA chain). */
function verifyServerIdentity(conn: mysql.Connection, host: string): void {
  const stream = (conn as unknown as { connection?: { stream?: unknown } }).connection?.stream;
  if (!(stream instanceof tls.TLSSocket)) throw new Error('verify_identity: the connection is not encrypted');
  const identityError = tls.checkServerIdentity(host, stream.getPeerCertificate());
  if (identityError) throw identityError;
}

export function parseVersionNumber(version: string): number {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  return m ? Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]) : 0;
}

function isOn(v: string | undefined): boolean {
  return v !== undefined && /^(on|1|true)$/i.test(v);
}

export function serverInfoFrom(vars: Map<string, string>): ServerInfo {
  const version = vars.get('version') ?? '';
  const versionComment = vars.get('version_comment') ?? '';
  const largePrefix = vars.get('innodb_large_prefix');
  return {
    version,
    versionComment,
    versionNumber: parseVersionNumber(version),
    isMariaDb: /mariadb/i.test(version) || /mariadb/i.test(versionComment),
    isTiDb: /tidb/i.test(version),
    lowerCaseTableNames: Number(vars.get('lower_case_table_names') ?? 0) || 0,
    sqlMode: vars.get('sql_mode') ?? '',
    explicitDefaultsForTimestamp: isOn(vars.get('explicit_defaults_for_timestamp')),
    innodbLargePrefix: largePrefix === undefined ? null : isOn(largePrefix),
    wsrepOn: isOn(vars.get('wsrep_on')),
    enforceGtidConsistency: vars.get('enforce_gtid_consistency') ?? '',
    gtidMode: vars.get('gtid_mode') ?? '',
    characterSetDatabase: vars.get('character_set_database') ?? '',
  };
}

/** True when the error means the connection itself is gone (result of the running statement unknown). */
export function isConnectionLost(err: unknown): boolean {
  const e = err as DriverError;
  if (e?.fatal) return true;
  // 1927 ER_CONNECTION_KILLED (MariaDB) and 2013 (lost during query): the connection was killed under the query.
  if (e?.errno === 1927 || e?.errno === 2013) return true;
  return ['PROTOCOL_CONNECTION_LOST', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'PROTOCOL_SEQUENCE_TIMEOUT'].includes(e?.code ?? '');
}

/** The server interrupted the query (KILL QUERY on the target, ER_QUERY_INTERRUPTED); the connection stays. */
export function isInterrupted(err: unknown): boolean {
  const e = err as DriverError;
  return e?.errno === 1317;
}

/** The text a row shows for a driver error: the server's message only (no code), like goInception. */
export function driverMessage(err: unknown): string {
  const e = err as DriverError;
  return e?.sqlMessage ?? e?.message ?? String(err);
}
