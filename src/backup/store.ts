// The backup server (docs/backup.md): one utf8mb4 connection per batch that creates the backup schemas and tables
// goInception's readers expect and writes rollback rows and information rows in multi-row INSERTs, each in its own
// transaction. Schemas created by goInception (older column widths) are reused as they are. A connection killed
// or lost on the backup server is reopened and the unfinished write retried, never stored twice (docs/backup.md
// "A lost backup connection").

import mysql from 'mysql2/promise';
import { driverMessage, isConnectionLost } from '../target/session.js';
import { quoteName } from './ddl/show-create.js';
import { INFO_TABLE } from './name.js';

export interface BackupServerSettings {
  backup_host: string;
  backup_port: number;
  backup_user: string;
  backup_password: string;
  backup_tls: string;
}

/** One row of `$_$Inception_backup_information$_$`. */
export interface InfoRow {
  opid: string;
  startFile: string;
  startPos: number;
  endFile: string;
  endPos: number;
  sql: string;
  host: string;
  db: string;
  table: string;
  port: number;
  type: string;
}

/** goInception writes 500 rows per INSERT; a byte bound keeps one INSERT under the server's max_allowed_packet. */
const ROWS_PER_INSERT = 500;
const BYTES_PER_INSERT = 4 * 1024 * 1024;
/**
 * Rollback rows per INSERT: the stage gathers this many before a write (ROLLBACK_ROWS_PER_WRITE). A full chunk is
 * sent as a prepared statement (binary protocol: no escaping or quoting of the statements on either side, the
 * cheapest path measured, docs/backup.md "Writes"); shorter ones as text, so that at most one prepared INSERT per
 * rollback table stays open on the backup server.
 */
const ROLLBACK_ROWS_PER_INSERT = 256;
export const ROLLBACK_ROWS_PER_WRITE = ROLLBACK_ROWS_PER_INSERT;
export const ROLLBACK_BYTES_PER_WRITE = BYTES_PER_INSERT;
/** Prepared INSERTs kept per connection (one per rollback table in use); older ones are closed. */
const PREPARED_STATEMENTS = 16;
/** `TEXT` holds 65535 bytes: older information tables cut longer statements there. */
const TEXT_LIMIT = 65532;

interface InfoTableShape {
  hostLength: number;
  sqlIsText: boolean;
}

const CONNECT_TIMEOUT_MS = 10_000;
/** How often one write may lose its connection and be retried on a new one before it fails. */
const MAX_RECONNECTS = 3;

/**
 * For tests only: runs on the write's connection just before the statement that commits a multi-row INSERT is sent
 * (the INSERT itself, in autocommit), so a test can lose its answer after the server committed
 * (test/integration/kill/backup-side.test.ts).
 */
export const storeTestHooks: { beforeCommit?: (conn: mysql.Connection, sql: string, rows: readonly unknown[][]) => void | Promise<void> } = {};

/** What a write left behind after its connection was lost (it may have committed just before). */
type WriteState = 'stored' | 'absent' | 'partial';

export class BackupStore {
  private readonly infoTables = new Map<string, InfoTableShape>();
  private readonly rollbackTables = new Set<string>();
  /** Rollback rows this batch has stored per rollback table and opid: tells a committed retry from a lost one. */
  private readonly storedRows = new Map<string, number>();
  private conn: mysql.Connection;
  /** Why the connection is gone (killed on the backup server, a restart), or null. */
  private lostReason: string | null = null;

  private constructor(
    conn: mysql.Connection,
    private readonly open: () => Promise<mysql.Connection>,
  ) {
    this.conn = conn;
    this.watch(conn);
  }

  /** Connects to `[inc] backup_*`; throws the driver's error. */
  static async connect(s: BackupServerSettings): Promise<BackupStore> {
    const open = () =>
      mysql.createConnection({
        host: s.backup_host,
        port: s.backup_port,
        user: s.backup_user,
        password: s.backup_password,
        charset: 'UTF8MB4_GENERAL_CI',
        connectTimeout: CONNECT_TIMEOUT_MS,
        supportBigNumbers: true,
        bigNumberStrings: true,
        ssl: backupTls(s.backup_tls),
        trace: false,
        connectAttributes: { program_name: 'inceptor', inceptor_role: 'backup' },
        maxPreparedStatements: PREPARED_STATEMENTS,
      }).then(async (conn) => {
        // Every INSERT is one statement committed on its own: autocommit must be on whatever the server's default.
        try {
          await conn.query('SET SESSION autocommit = 1');
        } catch (err) {
          conn.destroy();
          throw err;
        }
        return conn;
      });
    return new BackupStore(await open(), open);
  }

  private watch(conn: mysql.Connection): void {
    conn.on('error', (err: Error) => {
      if (conn === this.conn) this.lostReason = driverMessage(err);
    });
  }

  /** A new connection when the old one was lost; throws, naming both, when none can be opened. */
  private async reconnectIfLost(): Promise<void> {
    if (this.lostReason === null) return;
    const reason = this.lostReason;
    let conn: mysql.Connection;
    try {
      conn = await this.open();
    } catch (err) {
      throw new Error(`the backup server connection was lost (${reason}) and could not be opened again: ${driverMessage(err)}`);
    }
    this.conn.destroy();
    this.conn = conn;
    this.watch(conn);
    this.lostReason = null;
  }

  /**
   * Runs one write (its own transaction, or idempotent DDL) and, when its connection is lost, reconnects and asks
   * `check` what it left: `absent` runs it again, `stored` is done, `partial` (or no check) fails with the reason.
   */
  private async write<T>(op: (conn: mysql.Connection) => Promise<T>, check?: () => Promise<WriteState>): Promise<T | undefined> {
    for (let attempt = 0; ; attempt++) {
      await this.reconnectIfLost();
      try {
        return await op(this.conn);
      } catch (err) {
        if (!isConnectionLost(err) && this.lostReason === null) throw err;
        this.lostReason ??= driverMessage(err);
        if (attempt >= MAX_RECONNECTS) throw new Error(`the backup server connection was lost ${attempt + 1} times: ${this.lostReason}`);
        await this.reconnectIfLost();
        const state = check ? await check() : 'absent';
        if (state === 'stored') return undefined;
        if (state === 'partial') throw new Error(`the backup server connection was lost (${driverMessage(err)}) in the middle of a write that cannot be repeated safely`);
      }
    }
  }

  /** A query on the current connection (after a reconnect if it was lost). */
  private async query(sql: string, params?: unknown[]): Promise<unknown> {
    const result = await this.write(async (conn) => (await conn.query(sql, params))[0]);
    return result;
  }

  /** Creates the schema and its information table when missing, and reads the table's column widths. */
  async prepareSchema(db: string): Promise<void> {
    if (this.infoTables.has(db)) return;
    await this.query(`CREATE DATABASE IF NOT EXISTS ${quoteName(db)}`);
    await this.query(
      `CREATE TABLE IF NOT EXISTS ${quoteName(db)}.${quoteName(INFO_TABLE)} (` +
        'opid_time varchar(50), start_binlog_file varchar(512), start_binlog_pos int, end_binlog_file varchar(512), ' +
        'end_binlog_pos int, sql_statement mediumtext, host VARCHAR(128), dbname VARCHAR(64), tablename VARCHAR(64), ' +
        'port INT, time TIMESTAMP, type VARCHAR(20), PRIMARY KEY(opid_time)) ENGINE INNODB DEFAULT CHARSET UTF8MB4',
    );
    const columns = await this.query(`SHOW COLUMNS FROM ${quoteName(db)}.${quoteName(INFO_TABLE)}`);
    const shape: InfoTableShape = { hostLength: 128, sqlIsText: false };
    for (const c of columns as { Field: string; Type: string }[]) {
      const type = String(c.Type).toLowerCase();
      if (c.Field.toLowerCase() === 'host') shape.hostLength = Number(/\((\d+)\)/.exec(type)?.[1] ?? 128);
      if (c.Field.toLowerCase() === 'sql_statement') shape.sqlIsText = type === 'text';
    }
    this.infoTables.set(db, shape);
  }

  /** The per-table rollback table (named like the source table). */
  async prepareRollbackTable(db: string, table: string): Promise<void> {
    const key = `${db}\u0000${table}`;
    if (this.rollbackTables.has(key)) return;
    await this.prepareSchema(db);
    await this.query(
      `CREATE TABLE IF NOT EXISTS ${quoteName(db)}.${quoteName(table)} (` +
        'id bigint auto_increment primary key, rollback_statement mediumtext, opid_time varchar(50), ' +
        'KEY `idx_opid_time` (`opid_time`)) ENGINE INNODB DEFAULT CHARSET UTF8MB4',
    );
    this.rollbackTables.add(key);
  }

  /**
   * Proves the backup user may write there: an information row inserted and rolled back. Throws the server's error.
   */
  async probeWrite(db: string): Promise<void> {
    await this.prepareSchema(db);
    await this.write(async (conn) => {
      await conn.beginTransaction();
      try {
        await conn.query(`INSERT INTO ${quoteName(db)}.${quoteName(INFO_TABLE)} (opid_time, time) VALUES ('inceptor_write_probe', NOW())`);
      } finally {
        await conn.rollback();
      }
    });
  }

  /**
   * Rollback statements of one statement (`opid`), in replay order. The rollback table is created even for none:
   * an information row always names a table that exists.
   */
  async insertRollback(db: string, table: string, opid: string, statements: readonly string[]): Promise<void> {
    await this.prepareRollbackTable(db, table);
    if (statements.length === 0) return;
    const from = `${quoteName(db)}.${quoteName(table)}`;
    const key = `${db}\u0000${table}\u0000${opid}`;
    const into = `INSERT INTO ${from} (rollback_statement, opid_time) VALUES `;
    await this.insertChunked(into, statements.map((s) => [s, opid]), '(?, ?)', ROLLBACK_ROWS_PER_INSERT, async (chunk) => {
      // The opid is this batch's own: every row of it in the table was stored by this store.
      const before = this.storedRows.get(key) ?? 0;
      const rows = (await this.query(`SELECT COUNT(*) AS n FROM ${from} WHERE opid_time = ?`, [opid])) as { n: string | number }[];
      const n = Number(rows[0]?.n ?? 0);
      return n === before ? 'absent' : n === before + chunk.length ? 'stored' : 'partial';
    }, (chunk) => this.storedRows.set(key, (this.storedRows.get(key) ?? 0) + chunk.length));
  }

  /**
   * Turns one statement's rollback rows around (the last one gets the lowest id), so that readers that take them in
   * id order replay them last-changed first. Only possible while the statement's ids are contiguous (no other batch
   * wrote to the same rollback table in between); returns false otherwise.
   */
  async reverseReplayOrder(db: string, table: string, opid: string): Promise<boolean> {
    const from = `${quoteName(db)}.${quoteName(table)}`;
    // Which row comes first tells, after a lost connection, whether the turn-around was committed.
    const firstStatement = async (): Promise<string | null> => {
      const rows = (await this.query(`SELECT rollback_statement AS s FROM ${from} WHERE opid_time = ? ORDER BY id LIMIT 1`, [opid])) as { s: string }[];
      return rows[0]?.s ?? null;
    };
    const firstBefore = await firstStatement();
    let reversed = false;
    await this.write(
      async (conn) => {
        await conn.beginTransaction();
        try {
          const [rows] = await conn.query(`SELECT MIN(id) AS lo, MAX(id) AS hi, COUNT(*) AS n FROM ${from} WHERE opid_time = ? FOR UPDATE`, [opid]);
          const r = (rows as { lo: string | null; hi: string | null; n: string | number }[])[0]!;
          const n = BigInt(r.n);
          if (n < 2n) {
            await conn.commit();
            reversed = true;
            return;
          }
          const lo = BigInt(r.lo!);
          const hi = BigInt(r.hi!);
          if (hi - lo + 1n !== n) {
            await conn.rollback();
            return;
          }
          await conn.query(`UPDATE ${from} SET id = -id WHERE opid_time = ?`, [opid]);
          await conn.query(`UPDATE ${from} SET id = ${lo + hi} + id WHERE opid_time = ?`, [opid]);
          await conn.commit();
          reversed = true;
        } catch (err) {
          await conn.rollback().catch(() => {});
          throw err;
        }
      },
      async () => {
        if ((await firstStatement()) !== firstBefore) {
          reversed = true;
          return 'stored';
        }
        return 'absent';
      },
    );
    return reversed;
  }

  async insertInfo(db: string, rows: readonly InfoRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.prepareSchema(db);
    const shape = this.infoTables.get(db)!;
    const into =
      `INSERT INTO ${quoteName(db)}.${quoteName(INFO_TABLE)} (opid_time, start_binlog_file, start_binlog_pos, end_binlog_file, ` +
      'end_binlog_pos, sql_statement, host, dbname, tablename, port, time, type) VALUES ';
    const values = rows.map((r) => [
      r.opid, r.startFile, r.startPos, r.endFile, r.endPos,
      shape.sqlIsText ? cutUtf8(r.sql, TEXT_LIMIT) : r.sql,
      r.host.slice(0, shape.hostLength), r.db, r.table, r.port, r.type,
    ]);
    const table = `${quoteName(db)}.${quoteName(INFO_TABLE)}`;
    await this.insertChunked(into, values, '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NOW(), ?)', 0, async (chunk) => {
      const opids = chunk.map((v) => v[0]);
      const rows = (await this.query(`SELECT COUNT(*) AS n FROM ${table} WHERE opid_time IN (${opids.map(() => '?').join(', ')})`, opids)) as { n: string | number }[];
      const n = Number(rows[0]?.n ?? 0);
      return n === 0 ? 'absent' : n === chunk.length ? 'stored' : 'partial';
    });
  }

  /**
   * Multi-row INSERTs of at most `prepared` (else ROWS_PER_INSERT) rows / about BYTES_PER_INSERT bytes, each one
   * statement in autocommit (atomic on its own: no BEGIN/COMMIT round trips). A chunk of exactly `prepared` rows is
   * a prepared statement. `check` tells, after a lost connection, whether the chunk was committed; `stored` is
   * told of every chunk that is.
   */
  private async insertChunked(
    into: string,
    rows: readonly unknown[][],
    placeholder: string,
    prepared: number,
    check: (chunk: readonly unknown[][]) => Promise<WriteState>,
    stored: (chunk: readonly unknown[][]) => void = () => {},
  ): Promise<void> {
    const perInsert = prepared > 0 ? prepared : ROWS_PER_INSERT;
    let chunk: unknown[][] = [];
    let bytes = 0;
    const flush = async () => {
      if (chunk.length === 0) return;
      const sql = into + chunk.map(() => placeholder).join(', ');
      const values = chunk;
      const params = values.flat() as (string | number)[];
      await this.write(async (conn) => {
        // The INSERT commits itself (autocommit): the test hook runs just before it is sent.
        await storeTestHooks.beforeCommit?.(conn, sql, values);
        if (values.length === prepared) await conn.execute(sql, params);
        else await conn.query(sql, params);
      }, () => check(values));
      stored(values);
      chunk = [];
      bytes = 0;
    };
    for (const row of rows) {
      const size = row.reduce<number>((n, v) => n + (typeof v === 'string' ? Buffer.byteLength(v) : 8), 0);
      if (chunk.length >= perInsert || (chunk.length > 0 && bytes + size > BYTES_PER_INSERT)) await flush();
      chunk.push(row);
      bytes += size;
    }
    await flush();
  }

  async close(): Promise<void> {
    try {
      await this.conn.end();
    } catch {
      this.conn.destroy();
    }
  }
}

/** `backup_tls`: '' or `false` plain; `true` verified TLS; `skip-verify` / `preferred` TLS without verification. */
export function backupTls(value: string): mysql.ConnectionOptions['ssl'] {
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'false') return undefined;
  if (v === 'true') return { rejectUnauthorized: true };
  return { rejectUnauthorized: false };
}

/** `text` cut to at most `bytes` UTF-8 bytes at a character boundary, with `...` appended when cut. */
export function cutUtf8(text: string, bytes: number): string {
  const buf = Buffer.from(text, 'utf8');
  if (buf.length <= bytes) return text;
  let end = bytes;
  while (end > 0 && (buf[end]! & 0xc0) === 0x80) end--;
  return buf.subarray(0, end).toString('utf8') + '...';
}
