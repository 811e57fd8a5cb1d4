// Shared pieces of the KILL tests: mysql2 connections to the inceptor under test, processlist polling with a
// bound, and a way to observe that the server closed a connection.

import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import mysql from 'mysql2/promise';
import { directConnection, freshDatabase, testDb, type TestDb } from '../../support/mariadb.js';

export interface Account {
  user: string;
  password?: string;
}

export async function connectTo(port: number, account: Account = { user: 'root' }): Promise<mysql.Connection> {
  return mysql.createConnection({ host: '127.0.0.1', port, user: account.user, password: account.password, charset: 'utf8mb4', connectTimeout: 10_000 });
}

/** The id the server put in the handshake (mysql_thread_id()). */
export function handshakeId(conn: mysql.Connection): number {
  return conn.threadId;
}

/** Resolves once the server has closed the connection's socket (the client did not ask for it). */
export function socketClosed(conn: mysql.Connection): Promise<void> {
  // the promise wrapper keeps the callback connection (and its socket) in `.connection`
  const inner = (conn as unknown as { connection: { stream: Socket; on(event: 'error', fn: () => void): void } }).connection;
  const stream = inner.stream;
  // a closed connection makes mysql2 emit 'error' on the connection: keep it from becoming unhandled
  inner.on('error', () => undefined);
  if (stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => stream.once('close', () => resolve()));
}

/** Rejects when `promise` does not settle within `ms`: every wait in these tests is bounded. */
export async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface ProcessRow {
  Id: number;
  Dest_User: string | null;
  Dest_Host: string | null;
  Dest_Port: number | null;
  From_Host: string;
  Command: string;
  STATE: string;
  Time: number;
  Info: string | null;
  Percent: string | null;
}

export async function processlist(conn: mysql.Connection, full = false): Promise<ProcessRow[]> {
  const [rows] = await conn.query(`inception show ${full ? 'full ' : ''}processlist`);
  return (rows as Record<string, unknown>[]).map((r) => ({ ...r, Id: Number(r.Id), Time: Number(r.Time), Dest_Port: r.Dest_Port === null ? null : Number(r.Dest_Port) }) as ProcessRow);
}

/** Polls the processlist (seen by `observer`) until `id`'s row satisfies `ready`; bounded by `ms`. */
export async function waitForProcess(
  observer: mysql.Connection,
  id: number,
  ready: (row: ProcessRow) => boolean,
  ms = 20_000,
): Promise<ProcessRow> {
  const deadline = Date.now() + ms;
  let last: ProcessRow | undefined;
  while (Date.now() < deadline) {
    last = (await processlist(observer)).find((r) => r.Id === id);
    if (last && ready(last)) return last;
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.fail(`processlist row ${id} never became ready within ${ms} ms; last seen: ${JSON.stringify(last)}`);
}

/** mysql2's error for a failed query: the MySQL error number and message. */
export function mysqlErrorOf(code: number, message?: string | RegExp) {
  return (err: unknown): boolean => {
    const e = err as { errno?: number; message?: string };
    assert.equal(e.errno, code, e.message);
    if (typeof message === 'string') assert.equal(e.message, message);
    else if (message) assert.match(e.message ?? '', message);
    return true;
  };
}

/** The magic comment of a batch against the test database. */
export function batchHeader(db: TestDb, mode: string): string {
  return `/*--user=${db.user};--password=${db.password};--host=${db.host};--port=${db.port};${mode}*/`;
}

/** Table `t` of `database` with rows 1..`rows`, each c = 'before'. */
export async function resetTable(database: string, rows = 6): Promise<void> {
  const conn = await directConnection(database);
  try {
    await conn.query('DROP TABLE IF EXISTS t');
    await conn.query("CREATE TABLE t (id INT NOT NULL PRIMARY KEY COMMENT 'id', c VARCHAR(50) NOT NULL DEFAULT '' COMMENT 'c') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='t'");
    await conn.query(`INSERT INTO t VALUES ${Array.from({ length: rows }, (_, i) => `(${i + 1},'before')`).join(',')}`);
  } finally {
    await conn.end();
  }
}

/** Column c of table `t`, in id order. */
export async function targetValues(database: string): Promise<string[]> {
  const conn = await directConnection(database);
  try {
    const [rows] = await conn.query({ sql: 'SELECT c FROM t ORDER BY id', rowsAsArray: true });
    return (rows as string[][]).map((r) => r[0]!);
  } finally {
    await conn.end();
  }
}

/** An execute batch of `count` updates of `t`, each taking ~`seconds` on the target (the PK matches one row). */
export function slowUpdates(db: TestDb, database: string, count: number, seconds = 0.4): string {
  const updates = Array.from({ length: count }, (_, i) => `update t set c = 'after' where id = ${i + 1} and sleep(${seconds}) = 0;`);
  return [batchHeader(db, '--execute=1;--ignore-warnings=1;--backup=0;'), 'inception_magic_start;', `use \`${database}\`;`, ...updates, 'inception_magic_commit;'].join('\n');
}

/**
 * Table `big` of `database`: `rows` wide rows, so that the binlog and the rollback of one UPDATE of all of them are
 * far larger than what the binlog reader queues and one rollback INSERT holds (a kill lands while they stream).
 */
export async function wideTable(admin: mysql.Connection, database: string, rows: number): Promise<void> {
  await admin.query(`CREATE TABLE \`${database}\`.big (id INT PRIMARY KEY, a INT NOT NULL, pad CHAR(200) NOT NULL)`);
  await admin.query(`INSERT INTO \`${database}\`.big SELECT seq, 0, REPEAT('x', 200) FROM \`${database}\`.seq_1_to_${rows}`);
}
