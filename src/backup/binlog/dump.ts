// The replication (binlog dump) connection: one mysql2 connection that asks the server for its binary log from a
// file/position and hands back raw events, in order, through a bounded queue (docs/binlog.md, "Reading").
// The dump is non-blocking: the server ends the stream at the end of its binlog instead of waiting for more, so a
// range that never completes ends in a clear failure, never a hang.

import mysql from 'mysql2';
import type { BinlogPosition, BinlogSourceOptions } from '../types.js';

/** What the dump connection needs. */
export type DumpConnectionOptions = Pick<BinlogSourceOptions, 'host' | 'port' | 'user' | 'password' | 'ssl' | 'flavor' | 'replicaServerId'>;

/** A failure of the dump itself (server error such as a purged file, or a lost connection). */
export class DumpError extends Error {
  constructor(
    message: string,
    /** Server error number (1236 = the binlog cannot be read from there), or 0 for a network failure. */
    readonly errno: number,
  ) {
    super(message);
  }

  /** The connection was lost or killed (not a refusal by the server): reading again from a position may work. */
  get retryable(): boolean {
    return this.errno === 0 || this.errno === 1927 || this.errno === 2013 || this.errno === 1053;
  }
}

const COM_BINLOG_DUMP = 0x12;
const BINLOG_DUMP_NON_BLOCK = 1;
/** MariaDB: also send ANNOTATE_ROWS events (each row-based statement's text), which a replica must ask for. */
const BINLOG_SEND_ANNOTATE_ROWS_EVENT = 2;
/** Pause the socket above this many queued bytes; resume below the low mark. Bounds memory per reader. */
const QUEUE_HIGH_BYTES = 1024 * 1024;
const QUEUE_LOW_BYTES = 256 * 1024;

interface Mysql2Packet {
  buffer: Buffer;
  start: number;
  end: number;
  isEOF(): boolean;
  isError(): boolean;
  asError(encoding?: string): Error & { errno?: number };
}

/** mysql2's internals this reader relies on (the same ones @vlasky/zongji uses); pinned by package-lock. */
interface Mysql2Internals {
  addCommand(command: object): void;
  writePacket(packet: { length(): number; writeHeader(sequenceId: number): void; buffer: Buffer }): void;
  _resetSequenceId(): void;
  pause(): void;
  resume(): void;
  destroy(): void;
  clientEncoding?: string;
}

function dumpPacket(start: BinlogPosition, serverId: number, flags: number): { length(): number; writeHeader(id: number): void; buffer: Buffer } {
  const name = Buffer.from(start.file, 'utf8');
  const buffer = Buffer.alloc(4 + 1 + 4 + 2 + 4 + name.length);
  let o = 4;
  buffer[o++] = COM_BINLOG_DUMP;
  buffer.writeUInt32LE(start.position, o);
  o += 4;
  buffer.writeUInt16LE(flags, o);
  o += 2;
  buffer.writeUInt32LE(serverId >>> 0, o);
  o += 4;
  name.copy(buffer, o);
  return {
    buffer,
    length: () => buffer.length,
    writeHeader(sequenceId: number) {
      buffer.writeUIntLE(buffer.length - 4, 0, 3);
      buffer[3] = sequenceId;
    },
  };
}

export class BinlogDump {
  private readonly queue: Buffer[] = [];
  private queuedBytes = 0;
  private paused = false;
  private ended = false;
  private failure: DumpError | null = null;
  private wake: (() => void) | null = null;

  private constructor(
    private readonly connection: mysql.Connection,
    /** Whether each event carries a 4-byte CRC32 trailer (stripped before events are handed out). */
    private readonly checksum: boolean,
  ) {}

  /**
   * Connects, negotiates checksums (and GTID events on MariaDB), and starts the dump at `start`. `annotations`:
   * MariaDB also sends each row-based statement's text (ANNOTATE_ROWS).
   */
  static async open(options: DumpConnectionOptions, start: BinlogPosition, annotations = false): Promise<BinlogDump> {
    const connection = mysql.createConnection({
      host: options.host,
      port: options.port,
      user: options.user,
      password: options.password,
      ssl: options.ssl,
      charset: 'utf8mb4',
      connectTimeout: 10_000,
    });
    const query = (sql: string) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) =>
        connection.query(sql, (err, rows) => (err ? reject(err) : resolve(rows as Record<string, unknown>[]))),
      );
    let dump: BinlogDump | null = null;
    connection.on('error', (err: Error & { errno?: number }) => dump?.fail(new DumpError(err.message, err.errno ?? 0)));
    try {
      const [row] = await query('SELECT @@global.binlog_checksum AS checksum');
      const checksum = String(row?.checksum ?? 'NONE').toUpperCase() !== 'NONE';
      // The server only sends checksums to a client that says it understands them (both spellings: MySQL ≥ 8.0.26
      // reads @source_…, older servers and MariaDB @master_…). MariaDB sends its GTID events only to a client that
      // announces capability 4; without it they arrive rewritten as BEGIN with no GTID.
      await query('SET @master_binlog_checksum = @@global.binlog_checksum, @source_binlog_checksum = @@global.binlog_checksum');
      if (options.flavor === 'mariadb') await query('SET @mariadb_slave_capability = 4');
      dump = new BinlogDump(connection, checksum);
      dump.start(start, options.replicaServerId, BINLOG_DUMP_NON_BLOCK | (annotations ? BINLOG_SEND_ANNOTATE_ROWS_EVENT : 0));
      return dump;
    } catch (err) {
      connection.destroy();
      const e = err as Error & { errno?: number };
      throw new DumpError(e.message, e.errno ?? 0);
    }
  }

  private start(start: BinlogPosition, serverId: number, flags: number): void {
    const internals = this.connection as unknown as Mysql2Internals;
    let started = false;
    const command = {
      execute: (packet: Mysql2Packet | undefined, conn: Mysql2Internals): boolean => {
        if (!started) {
          started = true;
          conn._resetSequenceId();
          conn.writePacket(dumpPacket(start, serverId, flags));
          return false;
        }
        if (!packet) return false;
        if (packet.isError()) {
          const err = packet.asError(conn.clientEncoding);
          this.fail(new DumpError(err.message, err.errno ?? 0));
          return true;
        }
        if (packet.isEOF()) {
          this.ended = true;
          this.notify();
          return true;
        }
        // Byte 0 is the OK marker; the event follows. mysql2 re-points its packet object at the next packet but
        // never rewrites the socket chunk underneath, so a view of the bytes stays valid without a copy.
        const from = packet.start + 5;
        const to = packet.end - (this.checksum ? 4 : 0);
        const event = packet.buffer.subarray(from, to);
        this.queue.push(event);
        this.queuedBytes += event.length;
        if (!this.paused && this.queuedBytes > QUEUE_HIGH_BYTES) {
          this.paused = true;
          conn.pause();
        }
        this.notify();
        return false;
      },
      onResult: (err: Error & { errno?: number }) => this.fail(new DumpError(err.message, err.errno ?? 0)),
      stateName: () => 'binlogDump',
    };
    internals.addCommand(command);
  }

  private fail(err: DumpError): void {
    if (this.failure || this.ended) return;
    this.failure = err;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /** The next event (header + body, without checksum), or null when the server reached the end of its binlog. */
  async next(): Promise<Buffer | null> {
    for (;;) {
      const event = this.queue.shift();
      if (event) {
        this.queuedBytes -= event.length;
        if (this.paused && this.queuedBytes < QUEUE_LOW_BYTES) {
          this.paused = false;
          (this.connection as unknown as Mysql2Internals).resume();
        }
        return event;
      }
      if (this.failure) throw this.failure;
      if (this.ended) return null;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** KILL: wakes a pending next(), which returns null (the caller looks at its signal). */
  interrupt(): void {
    this.ended = true;
    this.queue.length = 0;
    this.notify();
  }

  /** Drops the connection (the server ends the dump thread when the socket closes). */
  close(): void {
    this.ended = true;
    this.queue.length = 0;
    this.connection.removeAllListeners('error');
    this.connection.on('error', () => {});
    this.connection.destroy();
  }
}
