// Starts createInceptorServer in-process on port 0 with a trivial query handler (not a test file itself).

import pino from 'pino';
import { ProcessRegistry } from '../../../src/process/registry.js';
import { ColumnType, mysqlError, ER, type QueryResult } from '../../../src/protocol/result.js';
import { createInceptorServer, type InceptorServer, type ServerOptions } from '../../../src/server/server.js';
import type { ClientSession } from '../../../src/process/client-session.js';

export const UTF8_TEXT = '表情 😀 中文 ✓';

export interface Started {
  port: number;
  registry: ProcessRegistry;
  server: InceptorServer;
  /** Every query the handler saw, with the session's view at that time. */
  seen: { sql: string; connectionId: number; user: string; db: string | null; isAdmin: boolean }[];
  close(): Promise<void>;
}

/** A handler that answers `select rows` with NULLs and utf8mb4, fails on `boom`/`mysql error`, and waits on `sleep N`. */
export async function trivialHandler(sql: string, session: ClientSession): Promise<QueryResult> {
  const text = sql.trim().toLowerCase();
  if (text === 'boom') throw new Error('the handler broke');
  if (text === 'mysql error') throw mysqlError(ER.PARSE, 'You have an error in your SQL syntax');
  const sleep = /^sleep (\d+)$/.exec(text);
  if (sleep) {
    await new Promise((r) => setTimeout(r, Number(sleep[1])));
    return { kind: 'ok', info: 'slept' };
  }
  if (text.startsWith('big ')) {
    const bytes = Number(text.slice(4));
    return { kind: 'rows', columns: [{ name: 'blob', type: ColumnType.VAR_STRING }], rows: [['x'.repeat(bytes)]] };
  }
  if (text === 'whoami') {
    return {
      kind: 'rows',
      columns: [{ name: 'user', type: ColumnType.VAR_STRING }, { name: 'id', type: ColumnType.LONGLONG }, { name: 'db', type: ColumnType.VAR_STRING }, { name: 'admin', type: ColumnType.LONGLONG }],
      rows: [[session.user, String(session.connectionId), session.currentDb, session.isAdmin ? '1' : '0']],
    };
  }
  if (text.startsWith('update')) return { kind: 'ok', affectedRows: 3, info: 'Rows matched: 3  Changed: 3  Warnings: 0' };
  return {
    kind: 'rows',
    columns: [
      { name: 'id', type: ColumnType.LONGLONG },
      { name: 'text', type: ColumnType.VAR_STRING },
      { name: 'maybe', type: ColumnType.VAR_STRING },
    ],
    rows: [
      ['1', UTF8_TEXT, null],
      ['2', sql, 'x'],
    ],
  };
}

export async function startServer(overrides: Partial<ServerOptions> = {}): Promise<Started> {
  const registry = overrides.registry ?? new ProcessRegistry(3);
  const seen: Started['seen'] = [];
  const server = createInceptorServer({
    registry,
    logger: pino({ level: process.env.SERVER_TEST_LOG ?? 'silent' }),
    skipGrantTable: true,
    users: [],
    maxAllowedPacket: 4 * 1024 * 1024,
    ...overrides,
    handleQuery: async (sql, session) => {
      seen.push({ sql, connectionId: session.connectionId, user: session.user, db: session.currentDb, isAdmin: session.isAdmin });
      return (overrides.handleQuery ?? trivialHandler)(sql, session);
    },
  });
  const port = await server.listen(0, '127.0.0.1');
  return { port, registry, server, seen, close: () => server.close() };
}
