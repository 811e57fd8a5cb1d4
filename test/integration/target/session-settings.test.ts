// The `[inc]` session settings on the target connection (docs/options.md, docs/stages.md,
// docs/config.md#target-session): what connect applies (sql_mode, sql_safe_updates, lock_wait_timeout,
// default_charset), what the execution pre-flight applies (wait_timeout, max_execution_time → MariaDB
// max_statement_time), proven on the shared MariaDB through whole batches and through the TargetSession itself.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { directConnection, freshDatabase, testDb, type TestDb } from '../../support/mariadb.js';
import { defaultOptions, type BatchOptions } from '../../../src/options/magic-comment.js';
import { ResultRow, StageStatus } from '../../../src/rows/row.js';
import { defaultConfig } from '../../../src/config/config.js';
import { Settings } from '../../../src/config/settings.js';
import { runExecuteStage } from '../../../src/execute/execute.js';
import { ProcessRegistry } from '../../../src/process/registry.js';
import { TargetSession, type TargetIncSettings } from '../../../src/target/session.js';
import { batchRunner, header } from './support.js';

const DB = 'target_session_settings';
let db: TestDb;
let options: BatchOptions;
const { settings, run } = batchRunner();
const configured = { ...settings.inc };

before(async () => {
  db = await testDb();
  await freshDatabase(DB);
  options = { ...defaultOptions(), host: db.host, port: db.port, user: db.user, password: db.password, db: DB };
  const c = await directConnection(DB);
  await c.query("create table t (id int not null primary key comment 'id', v int comment 'v', s varchar(20) comment 's') comment 't'");
  await c.query("create table emoji (id int not null primary key comment 'id', s varchar(20) comment 's') comment 'e' default charset utf8mb4");
  await c.query('insert into t values (1, 1, null)');
  await c.end();
});

after(async () => {
  const c = await directConnection();
  await c.query(`drop database if exists \`${DB}\``);
  await c.end();
});

/** Runs with `[inc]` overrides, then restores the configured values. */
async function runWith(inc: Partial<typeof settings.inc>, text: string) {
  Object.assign(settings.inc, inc);
  try {
    return await run(text);
  } finally {
    settings.inc = { ...configured };
  }
}

async function withSession<T>(inc: TargetIncSettings, fn: (s: TargetSession) => Promise<T>): Promise<T> {
  const target = await TargetSession.connect(options, { inc: { default_charset: 'utf8mb4', ...inc } });
  try {
    return await fn(target);
  } finally {
    await target.close();
  }
}

async function one<T>(target: TargetSession, sql: string): Promise<T> {
  const rows = await target.query<{ v: T }>(`${sql} AS v`);
  return rows[0]!.v;
}

async function globalValue(name: string): Promise<string> {
  const c = await directConnection();
  try {
    const [rows] = await c.query(`SELECT @@GLOBAL.${name} AS v`);
    return String((rows as { v: unknown }[])[0]!.v);
  } finally {
    await c.end();
  }
}

const execute = (body: string): string => `${header(db, '--execute=1;')}\nuse ${DB};\n${body}\ninception_magic_commit;`;

test('sql_safe_updates=1: an UPDATE whose WHERE uses no key fails at execution with the server text; 0 lets it run', async () => {
  const sql = 'update t set v = 2 where v = 1';
  const refused = await runWith({ sql_safe_updates: 1 }, execute(`${sql};`));
  assert.equal(refused.length, 2);
  assert.equal(refused[0]!.status, StageStatus.EXECUTE_OK, 'USE runs');
  assert.deepEqual([refused[1]!.stage, refused[1]!.level, refused[1]!.status, refused[1]!.sql], ['EXECUTED', '2', StageStatus.EXECUTE_FAILED, sql]);
  assert.match(refused[1]!.message ?? '', /^Execute: You are using safe update mode and you tried to update a table without a WHERE that uses a KEY column/);

  const allowed = await runWith({ sql_safe_updates: 0 }, execute(`${sql};`));
  assert.deepEqual([allowed[1]!.status, allowed[1]!.affected, allowed[1]!.message], [StageStatus.EXECUTE_OK, '1', null]);
});

test('sql_safe_updates and lock_wait_timeout are set on the session at connect', async () => {
  await withSession({ sql_safe_updates: 1, lock_wait_timeout: 7 }, async (s) => {
    assert.equal(Number(await one(s, 'select @@session.sql_safe_updates')), 1);
    assert.equal(Number(await one(s, 'select @@session.lock_wait_timeout')), 7);
  });
  await withSession({ sql_safe_updates: 0, lock_wait_timeout: 0 }, async (s) => {
    assert.equal(Number(await one(s, 'select @@session.sql_safe_updates')), 0);
    assert.equal(String(await one(s, 'select @@session.lock_wait_timeout')), await globalValue('lock_wait_timeout'), '0 leaves it alone');
  });
});

test('lock_wait_timeout is in force: a metadata lock wait gives up after it', async () => {
  const holder = await directConnection(DB);
  try {
    await holder.query('begin');
    await holder.query('select * from t for update');
    await withSession({ lock_wait_timeout: 1 }, async (s) => {
      const started = Date.now();
      await assert.rejects(s.execute('alter table t comment = "x"'), /Lock wait timeout exceeded/);
      assert.ok(Date.now() - started < 5000);
    });
  } finally {
    await holder.query('rollback');
    await holder.end();
  }
});

test('sql_mode from config is the session sql_mode and the one the auditor sees; without it the target default stays', async () => {
  const mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ENGINE_SUBSTITUTION';
  await withSession({ sql_mode: mode }, async (s) => {
    assert.equal(await one(s, 'select @@session.sql_mode'), mode);
    assert.equal(s.serverInfo.sqlMode, mode);
  });
  const serverDefault = await globalValue('sql_mode');
  await withSession({ sql_mode: '' }, async (s) => {
    assert.equal(await one(s, 'select @@session.sql_mode'), serverDefault, 'no client flag may add modes (IGNORE_SPACE)');
    assert.equal(s.serverInfo.sqlMode, serverDefault);
  });
});

test('sql_mode from config changes what execution does (non-strict truncates, strict refuses)', async () => {
  const long = "insert into t (id, v, s) values (10, 1, 'abcdefghijklmnopqrstuvwxyz')";
  const strict = await runWith({ sql_mode: 'STRICT_ALL_TABLES' }, execute(`${long};`));
  assert.equal(strict[1]!.status, StageStatus.EXECUTE_FAILED);
  assert.match(strict[1]!.message ?? '', /^Execute: Data too long for column 's'/);
  const lax = await runWith({ sql_mode: 'NO_ENGINE_SUBSTITUTION' }, execute(`${long};`));
  assert.equal(lax[1]!.status, StageStatus.EXECUTE_OK, lax[1]!.message ?? '');
  const c = await directConnection(DB);
  const [rows] = await c.query('select s from t where id = 10');
  await c.end();
  assert.deepEqual(rows, [{ s: 'abcdefghijklmnopqrst' }]);
});

test('a statement the target accepts under its own sql_mode is not broken by the connection (function-name table)', async () => {
  const rows = await run(execute("create table count (id int not null primary key comment 'id') comment 'c';"));
  assert.equal(rows[1]!.status, StageStatus.EXECUTE_OK, rows[1]!.message ?? '');
});

test('default_charset utf8mb4: an emoji survives execution; with utf8 (3-byte) as connection charset it does not', async () => {
  const ok = await runWith({ default_charset: 'utf8mb4' }, execute("insert into emoji (id, s) values (1, 'a😀b');"));
  assert.equal(ok[1]!.status, StageStatus.EXECUTE_OK, ok[1]!.message ?? '');
  await withSession({ default_charset: 'utf8mb4' }, async (s) => {
    assert.equal(await one(s, 'select @@session.character_set_client'), 'utf8mb4');
  });
  await withSession({ default_charset: 'utf8mb3' }, async (s) => {
    assert.equal(await one(s, 'select @@session.character_set_client'), 'utf8mb3', 'utf8mb3 is accepted as utf8');
  });
  await assert.rejects(withSession({ default_charset: 'klingon' }, async () => {}), /Unknown charset 'KLINGON'/);
  // mysql2 sends a 4-byte character over a utf8mb3 connection as two 3-byte surrogates, which the server stores.
  const narrow = await runWith({ default_charset: 'utf8' }, execute("insert into emoji (id, s) values (2, 'a😀b');"));
  assert.equal(narrow[1]!.status, StageStatus.EXECUTE_OK, narrow[1]!.message ?? '');
  const c = await directConnection(DB);
  const [rows] = await c.query('select id, hex(s) h from emoji order by id');
  await c.end();
  assert.deepEqual(rows, [
    { id: 1, h: '61F09F988062' }, // U+1F600 as real UTF-8
    { id: 2, h: '61EDA0BDEDB88062' }, // the same character as CESU-8 surrogates: the utf8 connection charset was used
  ]);
});

/** The EXECUTING stage on hand-built rows, returning the session variables read back afterwards on the same session. */
async function executeAndRead(incOver: Record<string, unknown>, sqls: string[], read: string): Promise<{ rows: ResultRow[]; value: unknown }> {
  const batchSettings = new Settings(defaultConfig());
  Object.assign(batchSettings.inc, incOver);
  const target = await TargetSession.connect({ ...options, execute: true }, batchSettings);
  const rows = sqls.map((sql, i) => {
    const r = new ResultRow(sql, { text: sql, kind: 'update', ast: null });
    r.seqNo = i;
    return r;
  });
  const entry = new ProcessRegistry().register({ id: 2, user: 'u', clientHost: 'h', isAdmin: false, close: () => {} });
  entry.beginRequest();
  try {
    await runExecuteStage({ options, rows, target, settings: batchSettings, process: entry });
    return { rows, value: await one(target, read) };
  } finally {
    await target.close();
  }
}

test('wait_timeout and max_execution_time are applied by the execution pre-flight', async () => {
  const applied = await executeAndRead({ wait_timeout: 1234, max_execution_time: 1500 }, ['update t set v = v where id = 1'], "select concat(@@session.wait_timeout, '/', @@session.max_statement_time)");
  assert.equal(applied.rows[0]!.stageStatus, StageStatus.EXECUTE_OK);
  assert.equal(applied.value, '1234/1.500000');
  const untouched = await executeAndRead({ wait_timeout: 0, max_execution_time: 0 }, ['update t set v = v where id = 1'], "select concat(@@session.wait_timeout, '/', @@session.max_statement_time)");
  assert.equal(untouched.value, `${await globalValue('wait_timeout')}/${Number(await globalValue('max_statement_time')).toFixed(6)}`);
});

test('max_execution_time=500: a statement running longer is stopped by the server → Execute failed with its message', async () => {
  const sql = 'update t set v = v where sleep(2) = 0';
  const started = Date.now();
  const rows = await runWith({ max_execution_time: 500 }, execute(`${sql};\nupdate t set v = 3 where id = 1;`));
  const elapsed = Date.now() - started;
  assert.deepEqual([rows[1]!.stage, rows[1]!.level, rows[1]!.status], ['EXECUTED', '2', StageStatus.EXECUTE_FAILED], rows[1]!.message ?? '');
  assert.match(rows[1]!.message ?? '', /^Execute: Query execution was interrupted \(max_statement_time exceeded\)/);
  assert.ok(elapsed < 1900, `stopped after ${elapsed} ms`);
  assert.deepEqual([rows[2]!.stage, rows[2]!.status], ['CHECKED', StageStatus.AUDIT_COMPLETED], 'later rows are not run');
});
