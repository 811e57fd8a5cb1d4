// handleRequest end to end (minus the socket) against the real MariaDB: a fake ClientSession over a real
// ProcessRegistry entry, the real auditor, the real target session.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { directConnection, freshDatabase, testDb, type TestDb } from '../../support/mariadb.js';
import { batchHarness, type BatchHarness, type TestSession } from '../../support/batch.js';
import { handleRequest, type RequestDeps } from '../../../src/batch/request.js';
import type { ProcessRegistry } from '../../../src/process/registry.js';
import { MysqlError, type QueryResult, type Value } from '../../../src/protocol/result.js';

const DB = 'batch_request_it';
let db: TestDb;
let deps: RequestDeps;
let registry: ProcessRegistry;
let harness: BatchHarness;

before(async () => {
  db = await testDb();
  await freshDatabase(DB);
  const c = await directConnection(DB);
  await c.query("create table t (id int primary key comment 'id', a int comment 'a') comment 'tt'");
  await c.query('insert into t values (1, 0), (2, 0), (3, 0)');
  await c.end();
  harness = batchHarness();
  registry = harness.registry;
  deps = harness.deps;
});

after(async () => {
  const c = await directConnection();
  await c.query(`drop database if exists \`${DB}\``);
  await c.end();
});

const session = (): TestSession => harness.session();
const run = (text: string, s?: TestSession): Promise<QueryResult> => harness.run(text, s);

function header(mode: string, extra = '', port = db.port): string {
  return `/*--user='${db.user}';--password='${db.password}';--host='${db.host}';--port=${port};${mode}${extra}*/\ninception_magic_start;`;
}

async function rowsOf(text: string): Promise<Value[][]> {
  const r = await run(text);
  assert.equal(r.kind, 'rows');
  if (r.kind !== 'rows') throw new Error('unreachable');
  assert.equal(r.columns.length, 13);
  return r.rows;
}

/** order_id, stage, error_level, stage_status, error_message, sql, affected_rows, sequence, backup_dbname, execute_time, sqlsha1, backup_time, needMerge */
function audited(order: number, sql: string, affected = '0', level = '0', message: string | null = null): Value[] {
  return [String(order), 'CHECKED', level, 'Audit Completed', message, sql, affected, `0_0_${String(order - 1).padStart(8, '0')}`, null, '0', null, '0', '0'];
}

test('check batch: every column of every row', async () => {
  const rows = await rowsOf(
    `${header('--check=1;')}\nuse ${DB};\ninsert into t(id, a) values (10, 1), (11, 2);\nupdate t set a = 1 where id = 2;\ninception_magic_commit;`,
  );
  assert.equal(rows.length, 3);
  assert.deepEqual(rows[0], audited(1, `use ${DB}`));
  assert.deepEqual(rows[1], audited(2, 'insert into t(id, a) values (10, 1), (11, 2)', '2'));
  assert.deepEqual(rows[2], audited(3, 'update t set a = 1 where id = 2', '1'));
});

test("Archery's execute envelope: rows executed, data changed on the target", async () => {
  const text =
    `/*--user='${db.user}';--password='${db.password}';--host='${db.host}';--port=${db.port};--execute=1;--ignore-warnings=1;--backup=0;--sleep=0;--sleep_rows=100*/\n` +
    `                            inception_magic_start;\n                            use \`${DB}\`;\n` +
    `                            insert into t(id, a) values (20, 1), (21, 1);\n                            update t set a = 7 where id = 20;\n` +
    '                            inception_magic_commit;';
  const before = Math.floor(Date.now() / 1000);
  const rows = await rowsOf(text);
  assert.equal(rows.length, 3);
  for (const [i, r] of rows.entries()) {
    assert.equal(r[1], 'EXECUTED');
    assert.equal(r[2], '0');
    assert.equal(r[3], 'Execute Successfully');
    assert.equal(r[4], null);
    const [ts, tid, seq] = (r[7] as string).split('_');
    assert.ok(Number(ts) >= before);
    assert.ok(Number(tid) > 0);
    assert.equal(seq, String(i).padStart(8, '0'));
    assert.match(r[9] as string, /^\d+\.\d{3}$/);
  }
  assert.deepEqual(rows.map((r) => r[6]), ['0', '2', '1']);
  const c = await directConnection(DB);
  const [data] = await c.query('select id, a from t where id >= 20 order by id');
  await c.end();
  assert.deepEqual(data, [{ id: 20, a: 7 }, { id: 21, a: 1 }]);
});

test('an execution error stops the loop; later rows stay CHECKED / Audit Completed', async () => {
  const rows = await rowsOf(
    `${header('--execute=1;')}\nuse ${DB};\ninsert into t(id, a) values (30, 1);\ninsert into t(id, a) values (30, 2);\ninsert into t(id, a) values (31, 3);\ninception_magic_commit;`,
  );
  assert.deepEqual(rows.map((r) => [r[1], r[3]]), [
    ['EXECUTED', 'Execute Successfully'],
    ['EXECUTED', 'Execute Successfully'],
    ['EXECUTED', 'Execute failed'],
    ['CHECKED', 'Audit Completed'],
  ]);
  assert.equal(rows[2]![2], '2');
  assert.equal(rows[2]![4], "Execute: Duplicate entry '30' for key 'PRIMARY'.");
  assert.equal(rows[3]![7], '0_0_00000003');
  const c = await directConnection(DB);
  const [data] = await c.query('select id from t where id in (30, 31)');
  await c.end();
  assert.deepEqual(data, [{ id: 30 }]);
});

test('missing commit: final RERUN row with empty sql, nothing executed', async () => {
  const rows = await rowsOf(`${header('--execute=1;')}\nuse ${DB};\ninsert into t(id, a) values (40, 1);`);
  assert.equal(rows.length, 3);
  assert.equal(rows[1]![1], 'CHECKED');
  assert.deepEqual(rows[2], ['3', 'RERUN', '2', 'Audit Completed', 'Must end with commit.', '', '0', '0_0_00000002', null, '0', null, '0', '0']);
  const c = await directConnection(DB);
  const [data] = await c.query('select id from t where id = 40');
  await c.end();
  assert.deepEqual(data, []);
});

test('begin twice: message row and stop', async () => {
  const rows = await rowsOf(`${header('--check=1;')}\nuse ${DB};\ninception_magic_start;\nupdate t set a = 1 where id = 1;\ninception_magic_commit;`);
  assert.equal(rows.length, 2);
  assert.deepEqual(rows[1]!.slice(0, 6), [
    '2',
    'CHECKED',
    '2',
    'Audit Completed',
    "Have you begin twice? Or you didn't commit last time, if so, you can execute commit explicitly.",
    'inception_magic_start',
  ]);
});

test('parse error: RERUN row with the statement text and the parser message; nothing executed', async () => {
  const rows = await rowsOf(`${header('--execute=1;')}\nuse ${DB};\ninsert into t(id, a) values (50, 1);\nupdate t sett a = 1;\ninception_magic_commit;`);
  assert.equal(rows.length, 3);
  assert.deepEqual(rows.slice(0, 2).map((r) => r[1]), ['CHECKED', 'CHECKED']);
  assert.equal(rows[2]![1], 'RERUN');
  assert.equal(rows[2]![2], '2');
  assert.equal(rows[2]![5], 'update t sett a = 1');
  assert.match(rows[2]![4] as string, /^line \d+ column \d+ near ".*"$/);
  const c = await directConnection(DB);
  const [data] = await c.query('select id from t where id = 50');
  await c.end();
  assert.deepEqual(data, []);
});

test('a statement before inception_magic_start → Must start as begin statement.', async () => {
  const rows = await rowsOf('update t set a = 1 where id = 1; inception_magic_start; inception_magic_commit;');
  assert.deepEqual(rows, [['1', 'CHECKED', '2', 'Audit Completed', 'Must start as begin statement.', 'update t set a = 1 where id = 1', '0', '0_0_00000000', null, '0', null, '0', '0']]);
});

test('a local command before the batch runs and answers at once', async () => {
  const r = await run("inception get variables like 'check_dml_where'; update t set a = 1");
  assert.equal(r.kind, 'rows');
  if (r.kind === 'rows') assert.deepEqual(r.rows, [['check_dml_where', 'false']]);
});

test('a local command inside a batch → ERR 1105', async () => {
  await assert.rejects(
    run(`${header('--check=1;')}\nuse ${DB};\ninception show variables;\ninception_magic_commit;`),
    (err: unknown) => err instanceof MysqlError && err.code === 1105 && err.message === '无效操作!不支持本地操作和远程操作混用!',
  );
});

test('in-batch inception set session: no row, affects this batch only; global inside → error row', async () => {
  const batch = (set: string) => `${header('--check=1;')}\n${set}use ${DB};\ndelete from t;\ninception_magic_commit;`;
  const withSet = await rowsOf(batch('inception set session check_dml_where = 1;\n'));
  assert.equal(withSet.length, 2, 'the set produces no row');
  assert.equal(withSet[1]![2], '1', 'ER_NO_WHERE_CONDITION (a warning by default) is reported');
  assert.match(withSet[1]![4] as string, /where/i);
  const without = await rowsOf(batch(''));
  assert.equal(without[1]![2], '0', 'the session setting did not leak into the global settings');
  const global = await rowsOf(batch('inception set global check_dml_where = 1;\n'));
  assert.deepEqual(global[0]!.slice(1, 6), ['CHECKED', '2', 'Audit Completed', '全局变量仅支持单独设置.', 'inception set global check_dml_where = 1']);
});

test('invalid options and a dead target give a level-2 start row', async () => {
  const missing = await rowsOf(`/*--check=1;--host=h;*/\ninception_magic_start;\nuse ${DB};\ninception_magic_commit;`);
  assert.deepEqual(missing.map((r) => [r[2], r[4]]), [['2', 'Invalid source infomation(端口为0,用户名为空).']]);
  const noComment = await rowsOf(`inception_magic_start;\nuse ${DB};\ninception_magic_commit;`);
  assert.deepEqual(noComment.map((r) => r[4]), ['Invalid source infomation(inception语法格式错误).']);
  const dead = await rowsOf(`${header('--check=1;', '', 1)}\nuse ${DB};\ninception_magic_commit;`);
  assert.equal(dead.length, 1);
  assert.equal(dead[0]![2], '2');
  assert.match(dead[0]![4] as string, /^con:\d+ .*ECONNREFUSED/);
});

test('kill during CHECKING: the audited row gets the message, audit stops, nothing executed', async () => {
  const s = session();
  const statements = Array.from({ length: 400 }, (_, i) => `insert into t(id, a) values (${1000 + i}, 1)`).join(';\n');
  s.process.beginRequest();
  // KILL arrives from another connection while the 5th statement is being audited.
  const observed: { state: string; command: string; dest: unknown }[] = [];
  const progress = s.process.progress.bind(s.process);
  let audited = 0;
  s.process.progress = (info: string, pct: number) => {
    progress(info, pct);
    if (++audited === 5) {
      observed.push({ state: s.process.state, command: s.process.command, dest: s.process.dest });
      s.process.kill('query');
    }
  };
  const pending = handleRequest(`${header('--execute=1;')}\nuse ${DB};\n${statements};\ninception_magic_commit;`, s, deps);
  const r = await pending;
  s.process.endRequest();
  registry.unregister(s.connectionId);
  assert.equal(r.kind, 'rows');
  if (r.kind !== 'rows') return;
  assert.deepEqual(observed, [{ state: 'CHECKING', command: 'EXECUTE', dest: { user: db.user, host: db.host, port: db.port } }]);
  assert.equal(r.rows.length, 5, 'audit stopped after the statement being audited');
  const last = r.rows[r.rows.length - 1]!;
  assert.equal(last[4], 'Operation has been killed!');
  assert.equal(last[1], 'CHECKED');
  const c = await directConnection(DB);
  const [data] = await c.query('select count(*) n from t where id >= 1000');
  await c.end();
  assert.deepEqual(data, [{ n: 0 }]);
});
