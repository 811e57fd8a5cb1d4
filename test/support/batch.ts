// Runs batches through `handleRequest` in-process, as the server would: one registry, one settings object, a
// fresh client session (with its process entry) per request.

import pino from 'pino';
import { handleRequest, type RequestDeps } from '../../src/batch/request.js';
import { defaultConfig } from '../../src/config/config.js';
import { Settings } from '../../src/config/settings.js';
import { ProcessRegistry, type ProcessEntry } from '../../src/process/registry.js';
import type { QueryResult, Value } from '../../src/protocol/result.js';
import type { ClientSession } from '../../src/process/client-session.js';
import { testDb } from './mariadb.js';

export type TestSession = ClientSession & { process: ProcessEntry };

export interface BatchHarness {
  registry: ProcessRegistry;
  /** Server-wide settings: `settings.inc` may be changed between runs. */
  settings: Settings;
  deps: RequestDeps;
  /** A new client session registered in the registry (ids 2, 4, 6 …). */
  session(): TestSession;
  /** One request on `s` (a new session by default); the session is unregistered afterwards. */
  run(text: string, s?: TestSession): Promise<QueryResult>;
}

export function batchHarness(): BatchHarness {
  const config = defaultConfig();
  const registry = new ProcessRegistry(config.inceptor.server_id);
  const settings = new Settings(config);
  const deps: RequestDeps = { registry, settings, config, logger: pino({ level: 'silent' }) };
  let nextId = 2;
  const session = (): TestSession => {
    const id = nextId;
    nextId += 2;
    const entry = registry.register({ id, user: 'tester', clientHost: '127.0.0.1:5555', isAdmin: false, close: () => {} });
    return { connectionId: id, user: 'tester', clientHost: '127.0.0.1:5555', isAdmin: false, currentDb: null, process: entry };
  };
  const run = async (text: string, s: TestSession = session()): Promise<QueryResult> => {
    s.process.beginRequest();
    try {
      return await handleRequest(text, s, deps);
    } finally {
      s.process.endRequest();
      registry.unregister(s.connectionId);
    }
  };
  return { registry, settings, deps, session, run };
}

/** Audits `sqls` in `database` as one check batch against the test MariaDB; the statement rows (the `use` row left out). */
export async function checkRows(harness: BatchHarness, database: string, sqls: readonly string[]): Promise<Value[][]> {
  const db = await testDb();
  const result = await harness.run(
    `/*--user='${db.user}';--password='${db.password}';--host='${db.host}';--port=${db.port};--check=1;*/\n` +
      `inception_magic_start;\nuse ${database};\n${sqls.join(';\n')};\ninception_magic_commit;`,
  );
  if (result.kind !== 'rows') throw new Error(`a check batch answered ${result.kind}`);
  return (result.rows as Value[][]).slice(1);
}

/** Each row's error_message as its lines ([] for none). */
export function messageLines(rows: readonly Value[][]): string[][] {
  return rows.map((r) => (r[4] === null ? [] : String(r[4]).split('\n')));
}
