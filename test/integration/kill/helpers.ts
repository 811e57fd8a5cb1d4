// Shared pieces of the KILL tests: mysql2 connections to the inceptor under test, processlist polling with a
// bound, and a way to observe that the server closed a connection.

import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import mysql from 'mysql2/promise';

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
