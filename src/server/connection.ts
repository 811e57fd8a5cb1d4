// One client connection: handshake → (SSLRequest → TLS) → auth (→ auth switch) → command loop.
// Every response is framed in full and written with a single socket.write(). Commands are handled one at a
// time in arrival order; the handshake is synchronous so a TLS upgrade happens before more bytes are read.

import type { Socket } from 'node:net';
import { TLSSocket, type SecureContext } from 'node:tls';
import type { Logger } from 'pino';
import { encodeConnectionId, handshakeConnectionId, type LocalIdAllocator } from '../process/connection-id.js';
import type { ProcessEntry, ProcessRegistry } from '../process/registry.js';
import { MalformedPacketError } from '../protocol/buffers.js';
import { decodeCommand, type ClientCommand } from '../protocol/commands.js';
import { Capability, Collation, NATIVE_PASSWORD_PLUGIN, ServerStatus, SetOption } from '../protocol/constants.js';
import { framePackets, PacketReader, PacketTooLargeError, type Packet } from '../protocol/framing.js';
import {
  encodeAuthSwitchRequest, encodeHandshakeV10, generateScramble, isSslRequest, parseChangeUser, parseHandshakeResponse41,
} from '../protocol/handshake.js';
import { encodeEof, encodeErr, encodeOk, encodeQueryResult, encodeQueryResultSteps } from '../protocol/responses.js';
import { encodeBinaryResult, encodePrepareResponse, parseExecute } from '../protocol/prepared.js';
import { ER, MysqlError, type ColumnDef, type QueryResult, type Warning } from '../protocol/result.js';
import { bindPlaceholders, placeholderPositions } from '../sql/placeholders.js';
import { answerCompat, compatReply, type CompatAnswer, type CompatReply, type CompatSession, type CompatStatement } from './compat.js';
import { describeAtPrepare, restoreLeadingComment } from './describe.js';
import type { ClientSession, QueryHandler } from '../process/client-session.js';
import type { UserDirectory } from './users.js';
import { LazyLog } from './lazy-log.js';
import type { LoginDelay } from './login-delay.js';
import { SessionVariables } from './variables.js';
import { runInTurns } from '../turns.js';

/** What all connections of one server share. */
export interface ConnectionShared {
  registry: ProcessRegistry;
  logger: Logger;
  handleQuery: QueryHandler;
  users: UserDirectory;
  secureContext: SecureContext | null;
  maxAllowedPacket: number;
  serverVersion: string;
  versionComment: string;
  handshakeTimeoutMs: number;
  ids: LocalIdAllocator;
  startedAt: number;
  /** COM_QUERY count (COM_STATISTICS). */
  questions: number;
  port: number;
  liveConnections: () => number;
  /** Connections at once; the next one gets 1040 (server/limits.ts). */
  maxConnections: number;
  /** Client timeouts in seconds (docs/security.md "Timeouts"). */
  timeouts: ClientTimeouts;
  /** Failed-login brake, null when grants are off (server/login-delay.ts). */
  loginDelay: LoginDelay | null;
}

export interface ClientTimeouts {
  wait: number;
  interactive: number;
  netRead: number;
}

/** MySQL 8's message when wait_timeout / interactive_timeout closes an idle connection. */
export const IDLE_TIMEOUT_MESSAGE =
  'The client was disconnected by the server because of inactivity. See wait_timeout and interactive_timeout for configuring this behavior.';
export const READ_TIMEOUT_MESSAGE = 'Got timeout reading communication packets';

const BASE_CAPABILITIES =
  Capability.LONG_PASSWORD | Capability.FOUND_ROWS | Capability.LONG_FLAG | Capability.CONNECT_WITH_DB |
  Capability.NO_SCHEMA | Capability.ODBC | Capability.IGNORE_SPACE | Capability.PROTOCOL_41 | Capability.INTERACTIVE |
  Capability.IGNORE_SIGPIPE | Capability.TRANSACTIONS | Capability.RESERVED | Capability.SECURE_CONNECTION |
  Capability.MULTI_STATEMENTS | Capability.MULTI_RESULTS | Capability.PLUGIN_AUTH | Capability.CONNECT_ATTRS |
  Capability.PLUGIN_AUTH_LENENC_CLIENT_DATA | Capability.SESSION_TRACK | Capability.DEPRECATE_EOF;

/** Handshake packets are small; a connecting client never needs more than this. */
const HANDSHAKE_MAX_PACKET = 1 << 20;
/** Pause reading when this many client packets wait (pipelining clients), resume when drained. */
const QUEUE_HIGH_WATER = 16;
/** After our final packet, give the peer this long to read it before the socket is destroyed. */
const LINGER_MS = 2_000;
/** Prepared statements one connection may hold (MySQL's max_prepared_stmt_count is server-wide 16382). */
const MAX_PREPARED_STATEMENTS = 1024;
/** Results with more rows than this are encoded in turns (docs/security.md "Event loop"). */
const LARGE_RESULT_ROWS = 2048;
/** MySQL's text (ER_UNKNOWN_ERROR 1105) for a long-data parameter past max_allowed_packet. */
export const LONG_DATA_TOO_LONG_MESSAGE =
  "Parameter of prepared statement which is set through mysql_send_long_data() is longer than 'max_allowed_packet' bytes";

interface PreparedStatement {
  sql: string;
  placeholders: number[];
  /** Parameter types from the last execute that bound them. */
  types: number[] | null;
  /** Chunks per parameter, joined at execute (appending by concatenation would be quadratic). */
  longData: Map<number, Buffer[]>;
  /** Bytes in `longData` (all parameters): capped at max_allowed_packet, see docs/security.md. */
  longDataBytes: number;
  /** Set once a parameter went past the cap: the next execute answers this error (MySQL's order). */
  longDataTooLong: boolean;
}

type Phase = 'greeting' | 'tls' | 'auth_switch' | 'command' | 'change_user_switch' | 'closing';

interface PendingLogin {
  user: string;
  database: string | null;
  /** Set for COM_CHANGE_USER (different failure handling and sequence ids). */
  changeUser: boolean;
}

type QueueItem = { packet: Packet } | { tooLarge: PacketTooLargeError };

/** The live ClientSession handed to the query handler; `currentDb` is mirrored into the registry entry. */
class Session implements ClientSession {
  readonly settingAssignments: { name: string; value: string }[] = [];
  readonly process: ProcessEntry;

  constructor(
    readonly connectionId: number,
    readonly user: string,
    readonly clientHost: string,
    readonly isAdmin: boolean,
    entry: ProcessEntry,
    private db: string | null,
  ) {
    // not a parameter property: a parameter named `process` would shadow Node's global here
    this.process = entry;
    entry.db = db;
  }

  get currentDb(): string | null {
    return this.db;
  }

  set currentDb(db: string | null) {
    this.db = db;
    this.process.db = db;
  }
}

function normalizeAddress(address: string | undefined): string {
  if (!address) return 'unknown';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

export class Connection {
  /** Resolves once the socket is gone and the id and registry entry are released. */
  readonly closed: Promise<void>;
  private resolveClosed!: () => void;
  /** Resolves once the socket is gone (a request may still be finishing). */
  readonly socketClosed: Promise<void>;
  private resolveSocketClosed!: () => void;

  private socket: Socket;
  private readonly rawSocket: Socket;
  private readonly reader = new PacketReader(HANDSHAKE_MAX_PACKET);
  private readonly queue: QueueItem[] = [];
  private pumping = false;
  private pausedByUs = false;
  private phase: Phase = 'greeting';
  private scramble = generateScramble();
  /** Sequence id the next client packet of the connection phase must carry. */
  private expectedSeq = 1;
  private capabilities = 0;
  /** CLIENT_MULTI_STATEMENTS as negotiated, then as COM_SET_OPTION leaves it. */
  private multiStatements = false;
  private tlsActive = false;
  private pending: PendingLogin | null = null;
  private handshakeTimer: NodeJS.Timeout | null = null;
  /** wait_timeout: armed while the connection waits for its next command. */
  private idleTimer: NodeJS.Timeout | null = null;
  private idleSeconds = 0;
  /** net_read_timeout: armed while a packet has started to arrive but is not complete. */
  private readTimer: NodeJS.Timeout | null = null;
  private session: Session | null = null;
  private readonly variables: SessionVariables;
  private readonly clientHost: string;
  private readonly clientAddress: string;
  private localId: number | null = null;
  private connectionId = 0;
  private readonly log: LazyLog;
  private socketGone = false;
  private requestRunning = false;
  /** Warnings of the last statement answered by the query handler, for SHOW WARNINGS. */
  private lastWarnings: readonly Warning[] = [];
  private released = false;
  private readonly statements = new Map<number, PreparedStatement>();
  private nextStatementId = 1;
  /** Text of the prepared statement closed by the previous command (see restoreLeadingComment). */
  private justClosedSql: string | null = null;

  constructor(socket: Socket, private readonly shared: ConnectionShared) {
    this.closed = new Promise((resolve) => (this.resolveClosed = resolve));
    this.socketClosed = new Promise((resolve) => (this.resolveSocketClosed = resolve));
    this.socket = this.rawSocket = socket;
    socket.setNoDelay(true);
    this.clientAddress = normalizeAddress(socket.remoteAddress);
    this.clientHost = `${this.clientAddress}:${socket.remotePort ?? 0}`;
    this.log = new LazyLog(shared.logger, { client: this.clientHost });
    this.variables = new SessionVariables({
      serverVersion: shared.serverVersion,
      versionComment: shared.versionComment,
      maxAllowedPacket: shared.maxAllowedPacket,
      tlsEnabled: shared.secureContext !== null,
      port: shared.port,
      waitTimeout: shared.timeouts.wait,
      interactiveTimeout: shared.timeouts.interactive,
      netReadTimeout: shared.timeouts.netRead,
      maxConnections: shared.maxConnections,
    });
    this.attach(socket);

    const refusal = shared.registry.refusal;
    if (refusal) {
      // a fenced cluster instance, or one without a server id yet (docs/kill.md)
      this.log.info({ event: 'refused', reason: refusal.message }, 'connection refused: instance not serving');
      this.fail(0, refusal);
      return;
    }
    if (shared.liveConnections() >= shared.maxConnections) {
      this.log.warn({ event: 'too_many_connections', max: shared.maxConnections }, 'connection refused: max-server-connections reached');
      this.fail(0, new MysqlError(ER.CON_COUNT_ERROR.code, ER.CON_COUNT_ERROR.sqlState, 'Too many connections'));
      return;
    }

    this.localId = shared.ids.allocate();
    if (this.localId === null) {
      this.log.warn({ event: 'too_many_connections' }, 'connection refused: no free connection id');
      this.fail(0, new MysqlError(ER.CON_COUNT_ERROR.code, ER.CON_COUNT_ERROR.sqlState, 'Too many connections'));
      return;
    }
    try {
      this.connectionId = encodeConnectionId(shared.registry.serverId, this.localId, shared.registry.ids.idBits);
    } catch (err) {
      this.log.error({ err }, 'cannot build a connection id');
      this.destroy();
      return;
    }
    this.log.rebind({ conn: this.connectionId, client: this.clientHost });
    this.handshakeTimer = setTimeout(() => this.onHandshakeTimeout(), shared.handshakeTimeoutMs);
    this.handshakeTimer.unref();
    this.write(
      [
        encodeHandshakeV10({
          serverVersion: shared.serverVersion,
          connectionId: handshakeConnectionId(this.connectionId),
          scramble: this.scramble,
          capabilities: this.serverCapabilities(),
          collation: Collation.UTF8MB4_GENERAL_CI,
          statusFlags: ServerStatus.AUTOCOMMIT,
          authPlugin: NATIVE_PASSWORD_PLUGIN,
        }),
      ],
      0,
    );
  }

  /** Closes the socket now (KILL CONNECTION of an idle connection, server shutdown). */
  destroy(): void {
    this.phase = 'closing';
    this.socket.destroy();
  }

  private serverCapabilities(): number {
    return (BASE_CAPABILITIES | (this.shared.secureContext ? Capability.SSL : 0)) >>> 0;
  }

  private attach(socket: Socket): void {
    socket.on('data', this.onData);
    socket.on('error', this.onError);
    socket.on('close', this.onClose);
  }

  private readonly onError = (err: Error): void => {
    // resets and broken pipes are normal ends of a connection; 'close' follows
    this.log.debug({ err: err.message }, 'socket error');
  };

  private readonly onData = (chunk: Buffer): void => {
    if (this.phase === 'closing' || this.phase === 'tls') return;
    let packets: Packet[];
    try {
      // in the greeting an SSLRequest must stop parsing: the bytes behind it are TLS
      packets = this.reader.push(chunk, (p) => this.phase === 'greeting' && !this.tlsActive && isSslRequest(p.payload));
    } catch (err) {
      if (!(err instanceof PacketTooLargeError)) throw err;
      this.queue.push({ tooLarge: err });
      this.pump();
      return;
    }
    for (const packet of packets) this.queue.push({ packet });
    this.watchPartialPacket();
    if (this.queue.length > QUEUE_HIGH_WATER && !this.pausedByUs) {
      this.pausedByUs = true;
      this.socket.pause();
    }
    this.pump();
  };

  private readonly onClose = (): void => {
    if (this.socketGone) return;
    this.socketGone = true;
    this.phase = 'closing';
    this.queue.length = 0;
    this.clearHandshakeTimer();
    this.clearTimer('idleTimer');
    this.clearTimer('readTimer');
    this.resolveSocketClosed();
    // a running request keeps its entry (KILL can still reach it) until it finishes
    if (!this.requestRunning) this.release();
  };

  private release(): void {
    if (this.released) return;
    this.released = true;
    if (this.session) this.shared.registry.unregister(this.session.connectionId);
    if (this.localId !== null) this.shared.ids.release(this.localId);
    this.log.debug({ event: 'closed' }, 'connection closed');
    this.resolveClosed();
  }

  private clearHandshakeTimer(): void {
    if (this.handshakeTimer) clearTimeout(this.handshakeTimer);
    this.handshakeTimer = null;
  }

  private clearTimer(which: 'idleTimer' | 'readTimer'): void {
    const timer = this[which];
    if (timer) clearTimeout(timer);
    this[which] = null;
  }

  /**
   * net_read_timeout: once a packet has begun to arrive, the rest must follow within the timeout (each chunk
   * restarts it, as MySQL times each read). Before login the handshake timeout covers this.
   */
  private watchPartialPacket(): void {
    if (this.phase !== 'command' || this.reader.pendingBytes === 0) {
      if (this.readTimer) this.clearTimer('readTimer');
      return;
    }
    if (this.readTimer) {
      this.readTimer.refresh();
      return;
    }
    this.readTimer = setTimeout(() => {
      this.log.info({ event: 'read_timeout', pending: this.reader.pendingBytes }, 'partial packet not completed in time');
      this.fail(0, new MysqlError(ER.NET_READ_INTERRUPTED.code, ER.NET_READ_INTERRUPTED.sqlState, READ_TIMEOUT_MESSAGE));
    }, this.shared.timeouts.netRead * 1000);
    this.readTimer.unref();
  }

  /**
   * wait_timeout (the session's value, which is interactive_timeout for interactive clients): idle connections
   * close. Armed (one timer, refreshed) each time the connection has answered everything it received.
   */
  private armIdleTimer(): void {
    if (this.phase !== 'command' || this.requestRunning || this.socketGone) return;
    const seconds = Number(this.variables.get('wait_timeout').value ?? 0);
    if (this.idleTimer && seconds === this.idleSeconds) {
      this.idleTimer.refresh();
      return;
    }
    this.clearTimer('idleTimer');
    this.idleSeconds = seconds;
    if (!(seconds > 0)) return;
    this.idleTimer = setTimeout(() => {
      // busy, or in the middle of receiving a packet (net_read_timeout watches that): not idle
      if (this.requestRunning || this.queue.length > 0 || this.reader.pendingBytes > 0) return;
      this.log.info({ event: 'idle_timeout', seconds }, 'idle connection closed');
      this.fail(0, new MysqlError(ER.CLIENT_INTERACTION_TIMEOUT.code, ER.CLIENT_INTERACTION_TIMEOUT.sqlState, IDLE_TIMEOUT_MESSAGE));
    }, Math.min(seconds * 1000, 2 ** 31 - 1));
    this.idleTimer.unref();
  }

  /** MySQL gives a client that set CLIENT_INTERACTIVE interactive_timeout as its session wait_timeout. */
  private applyInteractiveTimeout(): void {
    if (this.capabilities & Capability.INTERACTIVE) this.variables.set('wait_timeout', String(this.shared.timeouts.interactive));
  }

  private onHandshakeTimeout(): void {
    this.log.info({ event: 'handshake_timeout' }, 'handshake not completed in time');
    this.destroy();
  }

  /** Handles queued packets in order; only COM_QUERY is asynchronous. */
  private pump(): void {
    if (this.pumping) return;
    while (this.queue.length > 0 && this.phase !== 'closing') {
      const item = this.queue.shift()!;
      let pending: Promise<void> | void;
      try {
        pending = 'tooLarge' in item ? this.onTooLarge(item.tooLarge) : this.onPacket(item.packet);
      } catch (err) {
        this.onUnexpected(err);
        return;
      }
      if (pending) {
        this.pumping = true;
        pending
          .catch((err) => this.onUnexpected(err))
          .finally(() => {
            this.pumping = false;
            this.pump();
          });
        return;
      }
    }
    if (this.pausedByUs && this.queue.length === 0 && this.phase !== 'closing') {
      this.pausedByUs = false;
      this.socket.resume();
    }
    if (this.queue.length === 0) this.armIdleTimer();
  }

  private onUnexpected(err: unknown): void {
    this.log.error({ err }, 'connection failed');
    this.destroy();
  }

  private onTooLarge(err: PacketTooLargeError): void {
    this.log.info({ event: 'packet_too_large', bytes: err.announcedBytes, max: err.maxBytes }, 'client packet too large');
    this.fail((err.sequenceId + 1) & 0xff, new MysqlError(ER.NET_PACKET_TOO_LARGE.code, ER.NET_PACKET_TOO_LARGE.sqlState, "Got a packet bigger than 'max_allowed_packet' bytes"));
  }

  private onPacket(packet: Packet): Promise<void> | void {
    if (this.phase === 'command') return this.onCommand(packet);
    if (packet.sequenceId !== this.expectedSeq) {
      this.fail(packet.nextSequenceId, new MysqlError(ER.NET_PACKETS_OUT_OF_ORDER.code, ER.NET_PACKETS_OUT_OF_ORDER.sqlState, 'Got packets out of order'));
      return;
    }
    try {
      switch (this.phase) {
        case 'greeting':
          return this.onHandshakeResponse(packet);
        case 'auth_switch':
        case 'change_user_switch':
          return this.onAuthSwitchResponse(packet);
        default:
          return;
      }
    } catch (err) {
      if (!(err instanceof MalformedPacketError)) throw err;
      this.log.info({ event: 'bad_handshake', reason: err.message }, 'bad handshake');
      this.fail(packet.nextSequenceId, new MysqlError(ER.HANDSHAKE_ERROR.code, ER.HANDSHAKE_ERROR.sqlState, 'Bad handshake'));
    }
  }

  // ---- connection phase ---------------------------------------------------------------------------------

  private onHandshakeResponse(packet: Packet): Promise<void> | void {
    if (isSslRequest(packet.payload)) {
      if (!this.shared.secureContext || this.tlsActive) throw new MalformedPacketError('SSL requested but not offered');
      this.capabilities = packet.payload.readUInt32LE(0) & this.serverCapabilities();
      this.expectedSeq = packet.nextSequenceId;
      this.startTls(this.shared.secureContext);
      return;
    }
    const resp = parseHandshakeResponse41(packet.payload);
    this.capabilities = resp.capabilities & this.serverCapabilities();
    this.multiStatements = (this.capabilities & Capability.MULTI_STATEMENTS) !== 0;
    if (this.shared.secureContext && !this.tlsActive && (resp.capabilities & Capability.SSL) !== 0) {
      throw new MalformedPacketError('client set CLIENT_SSL without an SSLRequest');
    }
    this.pending = { user: resp.user, database: resp.database, changeUser: false };
    const plugin = resp.capabilities & Capability.PLUGIN_AUTH ? resp.authPlugin : NATIVE_PASSWORD_PLUGIN;
    this.log.rebind({ conn: this.connectionId, client: this.clientHost, user: resp.user });
    if (plugin !== NATIVE_PASSWORD_PLUGIN) {
      this.sendAuthSwitch(packet.nextSequenceId, 'auth_switch');
      return;
    }
    return this.finishLogin(resp.authResponse, packet.nextSequenceId);
  }

  private startTls(context: SecureContext): void {
    this.phase = 'tls';
    const raw = this.rawSocket;
    raw.off('data', this.onData);
    raw.off('close', this.onClose);
    raw.pause();
    const remainder = this.reader.takeRemainder();
    if (remainder.length > 0) raw.unshift(remainder);
    const secure = new TLSSocket(raw, { isServer: true, secureContext: context });
    this.socket = secure;
    this.attach(secure);
    secure.once('secure', () => {
      this.tlsActive = true;
      this.phase = 'greeting';
      this.log.debug({ event: 'tls', cipher: secure.getCipher()?.name, protocol: secure.getProtocol() }, 'TLS established');
    });
  }

  private sendAuthSwitch(seq: number, phase: 'auth_switch' | 'change_user_switch'): void {
    this.scramble = generateScramble();
    this.phase = phase;
    this.expectedSeq = this.write([encodeAuthSwitchRequest(NATIVE_PASSWORD_PLUGIN, this.scramble)], seq);
  }

  private onAuthSwitchResponse(packet: Packet): Promise<void> | void {
    return this.finishLogin(packet.payload, packet.nextSequenceId);
  }

  /** Answers a login, after the failed-login delay of this client host when there is one (login-delay.ts). */
  private finishLogin(authResponse: Buffer, seq: number): Promise<void> | void {
    const delay = this.shared.loginDelay?.delayFor(this.clientAddress) ?? 0;
    if (delay === 0) return this.answerLogin(authResponse, seq);
    this.log.info({ event: 'login_delay', ms: delay }, 'delaying a login after failed attempts');
    // the attempt must be answered, or a host past the threshold could never log in again
    this.clearHandshakeTimer();
    return new Promise<void>((resolve) => setTimeout(resolve, delay)).then(() => {
      if (this.phase !== 'closing') this.answerLogin(authResponse, seq);
    });
  }

  private answerLogin(authResponse: Buffer, seq: number): void {
    const login = this.pending!;
    this.pending = null;
    const outcome = this.shared.users.authenticate(login.user, this.scramble, authResponse);
    if (outcome.ok) this.shared.loginDelay?.succeeded(this.clientAddress);
    else this.shared.loginDelay?.failed(this.clientAddress);
    if (!outcome.ok) {
      this.log.info({ event: 'access_denied', user: login.user }, 'access denied');
      const using = authResponse.length > 0 ? 'YES' : 'NO';
      this.fail(seq, new MysqlError(ER.ACCESS_DENIED.code, ER.ACCESS_DENIED.sqlState, `Access denied for user '${login.user}'@'${this.clientAddress}' (using password: ${using})`));
      return;
    }
    if (this.session) this.shared.registry.unregister(this.session.connectionId);
    const entry = this.shared.registry.register({
      id: this.connectionId,
      user: login.user,
      clientHost: this.clientHost,
      isAdmin: outcome.isAdmin,
      close: () => this.destroy(),
    });
    this.session = new Session(this.connectionId, login.user, this.clientHost, outcome.isAdmin, entry, login.database);
    if (login.changeUser) this.variables.reset();
    this.applyInteractiveTimeout();
    this.clearHandshakeTimer();
    this.reader.setMaxPayload(this.shared.maxAllowedPacket);
    this.phase = 'command';
    this.log.debug({ event: login.changeUser ? 'change_user' : 'login', admin: outcome.isAdmin, tls: this.tlsActive }, 'authenticated');
    this.write([encodeOk({ statusFlags: this.statusFlags() })], seq);
  }

  // ---- command phase ------------------------------------------------------------------------------------

  private onCommand(packet: Packet): Promise<void> | void {
    const seq = packet.nextSequenceId;
    if (packet.sequenceId !== 0) {
      this.fail(seq, new MysqlError(ER.NET_PACKETS_OUT_OF_ORDER.code, ER.NET_PACKETS_OUT_OF_ORDER.sqlState, 'Got packets out of order'));
      return;
    }
    let command: ClientCommand;
    try {
      command = decodeCommand(packet.payload);
    } catch (err) {
      if (!(err instanceof MalformedPacketError)) throw err;
      this.write([this.errPacket(ER.MALFORMED_PACKET, 'Malformed communication packet.')], seq);
      return;
    }
    this.log.trace({ command: command.type }, 'command');
    const justClosed = this.justClosedSql;
    this.justClosedSql = null;
    switch (command.type) {
      case 'quit':
        this.destroyAfterWrite();
        return;
      case 'query':
        return this.onQuery(command.sql, seq);
      case 'init_db':
        return this.onInitDb(command.database, seq);
      case 'ping':
        return this.ok(seq);
      case 'statistics':
        return this.onStatistics(seq);
      case 'set_option':
        return this.onSetOption(command.option, seq);
      case 'reset_connection':
        this.variables.reset();
        this.applyInteractiveTimeout();
        return this.ok(seq);
      case 'change_user':
        return this.onChangeUser(packet.payload, seq);
      case 'field_list':
        return void this.write([this.endOfRows()], seq);
      case 'stmt_prepare':
        return this.onPrepare(restoreLeadingComment(justClosed, command.sql), seq);
      case 'stmt_execute':
        return this.onExecute(packet.payload, command.statementId, seq);
      case 'stmt_close':
        this.justClosedSql = this.statements.get(command.statementId)?.sql ?? null;
        this.statements.delete(command.statementId);
        return;
      case 'stmt_reset': {
        const stmt = this.statements.get(command.statementId);
        if (!stmt) return void this.write([this.unknownStatement(command.statementId, 'mysqld_stmt_reset')], seq);
        this.clearLongData(stmt);
        return this.ok(seq);
      }
      case 'stmt_send_long_data': {
        // no response, by protocol; an unknown statement surfaces at execute
        const stmt = this.statements.get(command.statementId);
        if (stmt && command.paramId < stmt.placeholders.length) this.appendLongData(stmt, command.paramId, command.data);
        return;
      }
      case 'other':
        this.log.debug({ event: 'unknown_command', command: command.code }, 'unknown command');
        this.write([this.errPacket(ER.UNKNOWN_COM, 'Unknown command')], seq);
        return;
    }
  }

  /**
   * COM_STMT_PREPARE. The statement does not run yet (it may never be executed), but its result columns are
   * announced when they are knowable without side effects (describe.ts): drivers such as Connector/ODBC
   * decide from this response whether a result set follows. Parameters are bound into the text at execute.
   */
  private async onPrepare(sql: string, seq: number): Promise<void> {
    if (this.statements.size >= MAX_PREPARED_STATEMENTS) {
      this.write([this.errPacket(ER.MAX_PREPARED_STMT_COUNT_REACHED, `Can't create more than max_prepared_stmt_count statements (current value: ${MAX_PREPARED_STATEMENTS})`)], seq);
      return;
    }
    const placeholders = placeholderPositions(sql);
    const session = this.session!;
    let columns: ColumnDef[] = [];
    try {
      columns = await describeAtPrepare(sql, placeholders.length, {
        compat: (text) => this.compatAnswer(text, session)?.result ?? null,
        runLocal: (text) => this.shared.handleQuery(text, session),
      });
    } catch (err) {
      // describing is a courtesy: the execute reports whatever is wrong
      this.log.warn({ err }, 'could not describe a prepared statement');
    }
    const id = this.nextStatementId++;
    this.statements.set(id, { sql, placeholders, types: null, longData: new Map(), longDataBytes: 0, longDataTooLong: false });
    this.log.debug({ event: 'prepare', statement: id, params: placeholders.length, columns: columns.length }, 'statement prepared');
    this.write(encodePrepareResponse(id, placeholders.length, columns, this.deprecateEof()), seq);
  }

  private onExecute(payload: Buffer, statementId: number, seq: number): Promise<void> | void {
    const stmt = this.statements.get(statementId);
    if (!stmt) return void this.write([this.unknownStatement(statementId, 'mysqld_stmt_execute')], seq);
    if (stmt.longDataTooLong) {
      this.clearLongData(stmt);
      return void this.write([this.errPacket(ER.UNKNOWN, LONG_DATA_TOO_LONG_MESSAGE)], seq);
    }
    let sql: string;
    try {
      const longData = new Map([...stmt.longData].map(([param, chunks]) => [param, Buffer.concat(chunks)] as const));
      const req = parseExecute(payload, stmt.placeholders.length, stmt.types, longData);
      stmt.types = req.types;
      this.clearLongData(stmt);
      sql = bindPlaceholders(stmt.sql, stmt.placeholders, req.params);
    } catch (err) {
      if (!(err instanceof MalformedPacketError)) throw err;
      return void this.write([this.errPacket(ER.MALFORMED_PACKET, 'Malformed communication packet.')], seq);
    }
    return this.onQuery(sql, seq, true);
  }

  /**
   * COM_STMT_SEND_LONG_DATA appends to a parameter. Each parameter, and all of one statement's together, stay
   * within max_allowed_packet; past it the data is dropped and the next execute fails, as in MySQL.
   */
  private appendLongData(stmt: PreparedStatement, paramId: number, data: Buffer): void {
    if (stmt.longDataTooLong) return;
    if (stmt.longDataBytes + data.length > this.shared.maxAllowedPacket) {
      this.log.info({ event: 'long_data_too_long', bytes: stmt.longDataBytes + data.length }, 'long data past max_allowed_packet');
      this.clearLongData(stmt);
      stmt.longDataTooLong = true;
      return;
    }
    const chunks = stmt.longData.get(paramId);
    if (chunks) chunks.push(data);
    else stmt.longData.set(paramId, [data]);
    stmt.longDataBytes += data.length;
  }

  private clearLongData(stmt: PreparedStatement): void {
    stmt.longData.clear();
    stmt.longDataBytes = 0;
    stmt.longDataTooLong = false;
  }

  private unknownStatement(id: number, where: string): Buffer {
    return this.errPacket(ER.UNKNOWN_STMT_HANDLER, `Unknown prepared statement handler (${id}) given to ${where}`);
  }

  /**
   * COM_QUERY (and COM_STMT_EXECUTE with the bound text). Compat answers are synchronous, with no request for
   * the registry to track (nothing can see or KILL it in between); everything else goes to the query handler.
   */
  private onQuery(sql: string, seq: number, binary = false): Promise<void> | void {
    const session = this.session!;
    let reply: CompatReply | null;
    try {
      reply = compatReply(sql, this.compatSession(session), this.multiStatements && !binary);
    } catch (error) {
      this.answeredLocally(1);
      return this.respond({ error }, seq, binary);
    }
    if (reply && 'statements' in reply) return this.answerCompatStatements(reply.statements, seq);
    if (reply) {
      this.answeredLocally(1);
      if (!reply.answer.keepsWarnings) this.lastWarnings = [];
      if (reply.answer.useDb !== undefined) session.currentDb = reply.answer.useDb;
      return this.respond({ result: reply.answer.result }, seq, binary);
    }
    return this.onHandlerQuery(sql, seq, binary);
  }

  private async onHandlerQuery(sql: string, seq: number, binary: boolean): Promise<void> {
    const answer = await this.runRequest(sql);
    this.lastWarnings = 'result' in answer && answer.result.kind === 'rows' ? (answer.result.warnings ?? []) : [];
    if (!binary && 'result' in answer && answer.result.kind === 'rows' && answer.result.rows.length > LARGE_RESULT_ROWS) {
      await this.respondInTurns(answer.result, seq);
    } else {
      this.respond(answer, seq, binary);
    }
    this.finishRequest();
  }

  /** A large text result (a batch of many statements) is encoded letting other connections run in between. */
  private async respondInTurns(result: QueryResult, seq: number): Promise<void> {
    let payloads: Buffer[];
    try {
      payloads = await runInTurns(encodeQueryResultSteps(result, { statusFlags: this.statusFlags(), deprecateEof: this.deprecateEof() }));
    } catch (err) {
      payloads = [this.errorToPacket(err)];
    }
    this.write(payloads, seq);
  }

  /** Counts statements answered by the compat layer (COM_STATISTICS questions; processlist idle time). */
  private answeredLocally(statements: number): void {
    this.shared.questions += statements;
    this.session!.process.updatedAt = Date.now();
  }

  /** Runs one request as the registry sees it (beginRequest … finishRequest, which the caller calls after writing). */
  private async runRequest(sql: string): Promise<{ result: QueryResult } | { error: unknown }> {
    const session = this.session!;
    this.shared.questions++;
    session.process.beginRequest();
    this.requestRunning = true;
    try {
      return { result: await this.shared.handleQuery(sql, session) };
    } catch (error) {
      return { error };
    }
  }

  private respond(answer: { result: QueryResult } | { error: unknown }, seq: number, binary: boolean): void {
    let payloads: Buffer[];
    try {
      if ('error' in answer) throw answer.error;
      const encode = binary ? encodeBinaryResult : encodeQueryResult;
      payloads = encode(answer.result, { statusFlags: this.statusFlags(), deprecateEof: this.deprecateEof() });
    } catch (err) {
      payloads = [this.errorToPacket(err)];
    }
    this.write(payloads, seq);
  }

  /** After the response is written: back to idle, then honour a KILL CONNECTION or a vanished client. */
  private finishRequest(): void {
    const entry = this.session!.process;
    entry.endRequest();
    this.requestRunning = false;
    if (this.socketGone) this.release();
    else if (entry.closeRequested) this.destroyAfterWrite();
  }

  /**
   * A multi-statement text of compat statements, answered as MySQL does: one result per statement, each but
   * the last flagged SERVER_MORE_RESULTS_EXISTS; the first error ends the response (its ERR is the last packet).
   */
  private answerCompatStatements(statements: CompatStatement[], seq: number): void {
    const session = this.session!;
    this.answeredLocally(statements.length);
    const payloads: Buffer[] = [];
    for (let i = 0; i < statements.length; i++) {
      let answer: CompatAnswer;
      try {
        answer = statements[i]!.run(this.compatSession(session));
      } catch (err) {
        payloads.push(this.errorToPacket(err));
        break;
      }
      if (answer.useDb !== undefined) session.currentDb = answer.useDb;
      if (!answer.keepsWarnings) this.lastWarnings = [];
      const more = i < statements.length - 1 ? ServerStatus.MORE_RESULTS_EXISTS : 0;
      payloads.push(...encodeQueryResult(answer.result, { statusFlags: this.statusFlags() | more, deprecateEof: this.deprecateEof() }));
    }
    this.write(payloads, seq);
  }

  private compatSession(session: Session): CompatSession {
    return {
      connectionId: session.connectionId,
      user: session.user,
      clientHost: session.clientHost,
      currentDb: session.currentDb,
      variables: this.variables,
      warnings: this.lastWarnings,
    };
  }

  private compatAnswer(sql: string, session: Session): CompatAnswer | null {
    return answerCompat(sql, this.compatSession(session));
  }

  private onInitDb(database: string, seq: number): void {
    if (!database) {
      this.write([this.errPacket(ER.NO_DB, 'No database selected')], seq);
      return;
    }
    this.session!.currentDb = database;
    this.ok(seq);
  }

  private onStatistics(seq: number): void {
    const uptime = Math.max(1, Math.floor((Date.now() - this.shared.startedAt) / 1000));
    const q = this.shared.questions;
    const text =
      `Uptime: ${uptime}  Threads: ${this.shared.liveConnections()}  Questions: ${q}  Slow queries: 0  Opens: 0  ` +
      `Flush tables: 0  Open tables: 0  Queries per second avg: ${(q / uptime).toFixed(3)}`;
    this.write([Buffer.from(text, 'utf8')], seq);
  }

  private onSetOption(option: number, seq: number): void {
    // multi-statement batches are always accepted (goInception answers a batch with one result set); the
    // option only decides whether a text of compat statements gets one result per statement
    if (option !== SetOption.MULTI_STATEMENTS_ON && option !== SetOption.MULTI_STATEMENTS_OFF) {
      this.write([this.errPacket(ER.UNKNOWN_COM, 'Unknown command')], seq);
      return;
    }
    this.multiStatements = option === SetOption.MULTI_STATEMENTS_ON;
    this.write([this.endOfRows()], seq);
  }

  private onChangeUser(payload: Buffer, seq: number): Promise<void> | void {
    let req;
    try {
      req = parseChangeUser(payload, this.capabilities);
    } catch (err) {
      if (!(err instanceof MalformedPacketError)) throw err;
      this.write([this.errPacket(ER.MALFORMED_PACKET, 'Malformed communication packet.')], seq);
      return;
    }
    this.pending = { user: req.user, database: req.database, changeUser: true };
    this.log.rebind({ conn: this.connectionId, client: this.clientHost, user: req.user });
    const plugin = req.authPlugin ?? NATIVE_PASSWORD_PLUGIN;
    if (plugin !== NATIVE_PASSWORD_PLUGIN) {
      this.sendAuthSwitch(seq, 'change_user_switch');
      return;
    }
    return this.finishLogin(req.authResponse, seq);
  }

  // ---- responses ----------------------------------------------------------------------------------------

  private statusFlags(): number {
    return this.variables.autocommit ? ServerStatus.AUTOCOMMIT : 0;
  }

  private deprecateEof(): boolean {
    return (this.capabilities & Capability.DEPRECATE_EOF) !== 0;
  }

  /** EOF, or with CLIENT_DEPRECATE_EOF the 0xfe OK that replaces it. */
  private endOfRows(): Buffer {
    return this.deprecateEof() ? encodeOk({ statusFlags: this.statusFlags() }, 0xfe) : encodeEof(this.statusFlags());
  }

  private ok(seq: number): void {
    this.write([encodeOk({ statusFlags: this.statusFlags() })], seq);
  }

  private errPacket(kind: { code: number; sqlState: string }, message: string): Buffer {
    return encodeErr(kind.code, kind.sqlState, message);
  }

  private errorToPacket(err: unknown): Buffer {
    if (err instanceof MysqlError) return encodeErr(err.code, err.sqlState, err.message);
    const message = err instanceof Error ? err.message : String(err);
    this.log.error({ err }, 'query handler failed');
    return encodeErr(ER.UNKNOWN.code, ER.UNKNOWN.sqlState, message || 'Unknown error');
  }

  /** Frames and writes `payloads` in one write; returns the next sequence id. */
  private write(payloads: Buffer[], seq: number): number {
    const framed = framePackets(payloads, seq);
    if (!this.socket.destroyed && this.socket.writable) this.socket.write(framed.buffer);
    return framed.nextSequenceId;
  }

  /** Sends an ERR and closes the connection. */
  private fail(seq: number, err: MysqlError): void {
    this.phase = 'closing';
    this.queue.length = 0;
    this.write([encodeErr(err.code, err.sqlState, err.message)], seq);
    this.destroyAfterWrite();
  }

  private destroyAfterWrite(): void {
    this.phase = 'closing';
    const socket = this.socket;
    if (socket.destroyed) return;
    socket.end(() => socket.destroy());
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  }
}
