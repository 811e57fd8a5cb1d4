// Issue 6 item 6 against a real inceptor process: a target that stops answering mid-statement (as when it is
// SIGSTOPped) no longer hangs a batch. A TCP relay between inceptor and the test MariaDB freezes — forwards
// nothing more, keeps the sockets open — as soon as the statement under test is sent for execution.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { directConnection, freshDatabase, testDb, type TestDb } from '../../support/mariadb.js';
import { connectTo, startInceptorProcess, type InceptorProcess } from '../../support/inceptor-process.js';

const DB = 'hardening_frozen';

/** Relays to `to`; once the client sends `trigger` as a COM_QUERY, every byte after is held. */
async function freezingRelay(to: TestDb, trigger: string): Promise<{ port: number; frozen: () => boolean; close: () => void }> {
  let frozen = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(to.port, to.host);
    sockets.add(client).add(upstream);
    client.on('data', (d) => {
      // the execution itself: a COM_QUERY whose text is exactly the statement (the audit's EXPLAIN is not)
      if (!frozen && d[4] === 0x03 && d.subarray(5).toString('utf8') === trigger) frozen = true;
      if (!frozen) upstream.write(d);
    });
    upstream.on('data', (d) => {
      if (!frozen) client.write(d);
    });
    for (const s of [client, upstream]) s.on('error', () => undefined);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    frozen: () => frozen,
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

function executeBatch(target: { host: string; port: number; user: string; password: string }, statement: string): string {
  return `/*--user=${target.user};--password=${target.password};--host=127.0.0.1;--port=${target.port};--execute=1;--ignore-warnings=1;*/\n` +
    `inception_magic_start;\nuse ${DB};\n${statement};\ninception_magic_commit;`;
}

type Row = { sql: string; error_level: number; error_message: string | null; stage: string };

before(async () => {
  await freshDatabase(DB);
  const c = await directConnection(DB);
  await c.query("create table t (id int primary key comment 'id', v int comment 'v') comment 't'; insert into t values (1, 0), (2, 0)");
  await c.end();
});

describe('target_read_timeout', () => {
  let inceptor: InceptorProcess;
  before(async () => (inceptor = await startInceptorProcess('[inc]\ntarget_read_timeout = 2\n')));
  after(() => inceptor.stop());

  test('a target silent past the timeout: the row reports an unknown result, the batch returns', async () => {
    const db = await testDb();
    const relay = await freezingRelay(db, 'update t set v = 11 where id = 1');
    const c = await connectTo(inceptor);
    try {
      const [rows] = (await c.query({ sql: executeBatch({ ...db, port: relay.port }, 'update t set v = 11 where id = 1'), timeout: 30_000 })) as unknown as [Row[]];
      assert.ok(relay.frozen(), 'the relay froze on the statement');
      const row = rows.find((r) => r.sql.startsWith('update'))!;
      assert.equal(row.stage, 'EXECUTED');
      assert.equal(row.error_level, 2);
      assert.match(row.error_message ?? '', /unknown/i);
    } finally {
      c.destroy();
      relay.close();
    }
  });
});

describe('KILL CONNECTION while the target hangs', () => {
  let inceptor: InceptorProcess;
  before(async () => (inceptor = await startInceptorProcess()));
  after(() => inceptor.stop());

  test('the batch gives up on its target after the grace period and answers unknown-result', async () => {
    const db = await testDb();
    const relay = await freezingRelay(db, 'update t set v = 22 where id = 2');
    const worker = await connectTo(inceptor);
    const killer = await connectTo(inceptor);
    try {
      const id = worker.threadId!;
      const answer = worker.query({ sql: executeBatch({ ...db, port: relay.port }, 'update t set v = 22 where id = 2'), timeout: 30_000 });
      answer.catch(() => undefined);
      const deadline = Date.now() + 20_000;
      while (!relay.frozen() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.ok(relay.frozen(), 'the statement reached the relay');
      await killer.query(`kill connection ${id}`);
      const [rows] = (await answer) as unknown as [Row[]];
      const row = rows.find((r) => r.sql.startsWith('update'))!;
      assert.match(row.error_message ?? '', /unknown/i);
    } finally {
      worker.destroy();
      killer.destroy();
      relay.close();
    }
  });
});

