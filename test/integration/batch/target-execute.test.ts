// TargetSession and the EXECUTING stage against the real MariaDB, without the auditor: rows are built by hand.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { directConnection, freshDatabase, testDb } from '../../support/mariadb.js';
import { defaultOptions, type BatchOptions } from '../../../src/options/magic-comment.js';
import { ResultRow, StageStatus } from '../../../src/rows/row.js';
import { runExecuteStage, statementTimeoutSql, type ExecuteContext } from '../../../src/execute/execute.js';
import { BackupCapture } from '../../../src/backup/capture.js';
import { parseStatement } from '../../../src/sql/parse.js';
import { ProcessRegistry } from '../../../src/process/registry.js';
import { TargetSession } from '../../../src/target/session.js';
import { defaultConfig } from '../../../src/config/config.js';
import { Settings } from '../../../src/config/settings.js';
import type { StatementKind } from '../../../src/sql/statement.js';

const DB = 'batch_target_exec';
let options: BatchOptions;

before(async () => {
  const db = await testDb();
  await freshDatabase(DB);
  options = { ...defaultOptions(), host: db.host, port: db.port, user: db.user, password: db.password, db: DB, execute: true };
  const c = await directConnection(DB);
  await c.query('create table t (id int primary key, a int)');
  await c.query('insert into t values (1, 0), (2, 0), (3, 5)');
  await c.end();
});

after(async () => {
  const c = await directConnection();
  await c.query(`drop database if exists \`${DB}\``);
  await c.end();
});

const inc = { default_charset: 'utf8mb4', sql_safe_updates: -1, lock_wait_timeout: -1 };

function row(sql: string, kind: StatementKind, seq: number): ResultRow {
  const parsed = parseStatement(sql);
  const r = new ResultRow(sql, parsed.ok ? parsed.statement : { text: sql, kind, ast: null });
  r.seqNo = seq;
  return r;
}

function settingsWith(incOver: Record<string, unknown>): Settings {
  const settings = new Settings(defaultConfig());
  Object.assign(settings.inc, incOver);
  return settings;
}

function context(target: TargetSession, rows: ResultRow[], over: Partial<BatchOptions> = {}, incOver: Record<string, unknown> = {}) {
  const registry = new ProcessRegistry();
  const entry = registry.register({ id: 2, user: 'u', clientHost: '127.0.0.1:1', isAdmin: false, close: () => {} });
  entry.beginRequest();
  const ctx: ExecuteContext & { options: BatchOptions } = {
    options: { ...options, ...over },
    rows,
    target,
    settings: settingsWith(incOver),
    process: entry,
  };
  return { ctx, entry };
}

test('connect reads server variables and applies session settings', async () => {
  const target = await TargetSession.connect(options, { inc: { ...inc, sql_mode: 'STRICT_TRANS_TABLES', sql_safe_updates: 1, lock_wait_timeout: 7 } });
  try {
    assert.match(target.serverInfo.version, /MariaDB/);
    assert.equal(target.serverInfo.isMariaDb, true);
    assert.ok(target.serverInfo.versionNumber >= 100000);
    assert.equal(target.serverInfo.sqlMode, 'STRICT_TRANS_TABLES');
    const [v] = await target.query<{ s: string | number; l: string | number; d: string }>('select @@sql_safe_updates s, @@lock_wait_timeout l, database() d');
    assert.deepEqual([Number(v!.s), Number(v!.l), v!.d], [1, 7, DB]);
    const tid = await target.threadId();
    assert.ok(tid > 0);
    assert.equal(await target.threadId(), tid);
    assert.ok(statementTimeoutSql(target, 1500).includes('max_statement_time = 1.500'));
  } finally {
    await target.close();
  }
});

test('wrong port → driver error; bad password → access denied', async () => {
  await assert.rejects(TargetSession.connect({ ...options, port: 1 }, { inc }), /ECONNREFUSED/);
  await assert.rejects(TargetSession.connect({ ...options, password: 'nope' }, { inc }), /Access denied/);
});

test('execute: changed rows for UPDATE, thread id, timestamps, sequence; binlog range from the backup hook', async () => {
  const target = await TargetSession.connect(options, { inc });
  const rows = [
    row(`use ${DB}`, 'use', 0),
    row('update t set a = 5 where id in (1, 3)', 'update', 1), // id 3 already 5: matched 2, changed 1
    row('insert into t values (4, 4), (5, 5)', 'insert', 2),
    row('show tables', 'show', 3),
  ];
  const { ctx } = context(target, rows, { backup: true });
  const noAudit = { tableFor: () => null, snapshot: null as never };
  const capture = new BackupCapture({ ...ctx, log: pino({ level: 'silent' }), auditor: noAudit });
  try {
    const before = Math.floor(Date.now() / 1000);
    assert.equal(await runExecuteStage(ctx, [], [capture]), 'completed');
    assert.deepEqual(capture.items.map((i) => [i.row.seqNo, i.type]), [[1, 'UPDATE'], [2, 'INSERT']]);
    const tid = await target.threadId();
    for (const r of rows.slice(0, 3)) {
      assert.equal(r.stage, 'EXECUTED');
      assert.equal(r.stageStatus, StageStatus.EXECUTE_OK);
      assert.equal(r.threadId, tid);
      assert.ok(r.execTimestamp >= before);
      assert.match(r.sequence, new RegExp(`^\\d+_${tid}_0000000${r.seqNo}$`));
      assert.ok(r.executeSeconds !== null && r.executeSeconds >= 0);
      assert.equal(r.errorMessage, null);
    }
    assert.equal(rows[1]!.affectedRows, 1);
    assert.equal(rows[2]!.affectedRows, 2);
    assert.equal(rows[3]!.stage, 'CHECKED', 'SHOW is not executed');
    assert.equal(rows[0]!.binlog, null, 'USE records no binlog range');
    const range = rows[2]!.binlog;
    assert.ok(range, 'insert with backup records a binlog range');
    assert.ok(range.endPos > range.startPos || range.endFile !== range.startFile);
  } finally {
    await target.close();
  }
  const c = await directConnection(DB);
  const [data] = await c.query('select id, a from t order by id');
  await c.end();
  assert.deepEqual(data, [{ id: 1, a: 5 }, { id: 2, a: 0 }, { id: 3, a: 5 }, { id: 4, a: 4 }, { id: 5, a: 5 }]);
});

test('an error stops the loop; later rows keep audit values', async () => {
  const target = await TargetSession.connect(options, { inc });
  const rows = [row('insert into t values (10, 1)', 'insert', 0), row('insert into t values (10, 2)', 'insert', 1), row('insert into t values (11, 1)', 'insert', 2)];
  const { ctx } = context(target, rows);
  try {
    assert.equal(await runExecuteStage(ctx), 'failed');
  } finally {
    await target.close();
  }
  assert.equal(rows[0]!.stageStatus, StageStatus.EXECUTE_OK);
  assert.equal(rows[1]!.stage, 'EXECUTED');
  assert.equal(rows[1]!.stageStatus, StageStatus.EXECUTE_FAILED);
  assert.equal(rows[1]!.errorLevel, 2);
  assert.equal(rows[1]!.errorMessage, "Execute: Duplicate entry '10' for key 'PRIMARY'.");
  assert.deepEqual([rows[2]!.stage, rows[2]!.stageStatus, rows[2]!.sequence], ['CHECKED', StageStatus.AUDIT_COMPLETED, '0_0_00000002']);
});

test('refused when max level is 2, or 1 without ignore_warnings', async () => {
  const target = await TargetSession.connect(options, { inc });
  try {
    const warned = [row('insert into t values (20, 1)', 'insert', 0)];
    warned[0]!.addText(1, 'a warning');
    assert.equal(await runExecuteStage(context(target, warned, { ignoreWarnings: false }).ctx), 'refused');
    assert.equal(warned[0]!.stage, 'CHECKED');
    assert.equal(await runExecuteStage(context(target, warned, { ignoreWarnings: true }).ctx), 'completed');
    assert.equal(warned[0]!.stageStatus, StageStatus.EXECUTE_OK);
    const failed = [row('insert into t values (21, 1)', 'insert', 0)];
    failed[0]!.addText(2, 'an error');
    assert.equal(await runExecuteStage(context(target, failed, { ignoreWarnings: true }).ctx), 'refused');
  } finally {
    await target.close();
  }
});

test('kill between statements: the running one completes, then the loop stops', async () => {
  const target = await TargetSession.connect(options, { inc });
  const rows = [row('insert into t values (30, 1)', 'insert', 0), row('insert into t values (31, 1)', 'insert', 1)];
  const { ctx, entry } = context(target, rows, { sleep: 5000, sleepRows: 1 });
  try {
    const started = Date.now();
    const run = runExecuteStage(ctx);
    setTimeout(() => entry.kill('query'), 200);
    assert.equal(await run, 'killed');
    assert.ok(Date.now() - started < 3000, 'sleep is interrupted by the kill');
  } finally {
    await target.close();
  }
  assert.equal(rows[0]!.stageStatus, StageStatus.EXECUTE_OK);
  assert.equal(rows[0]!.errorMessage, 'Execute: Operation has been killed!');
  assert.equal(rows[1]!.stage, 'CHECKED');
});

test('a target that dies mid-batch → driver message + unknown-result note, no hang', async () => {
  const target = await TargetSession.connect(options, { inc });
  const tid = await target.threadId();
  const rows = [row('create table dies (id int primary key)', 'create_table', 0), row('select sleep(5)', 'other', 1), row('drop table dies', 'drop_table', 2)];
  const { ctx } = context(target, rows);
  const killer = await directConnection();
  try {
    const run = runExecuteStage(ctx);
    // kill once the sleep runs (a fixed delay could land on the CREATE on a loaded machine)
    for (;;) {
      const [list] = await killer.query('SELECT INFO FROM information_schema.PROCESSLIST WHERE ID = ?', [tid]);
      if (/sleep/i.test(String((list as { INFO: unknown }[])[0]?.INFO ?? ''))) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await killer.query(`KILL ${tid}`);
    assert.equal(await run, 'failed');
  } finally {
    await killer.end();
    await target.close();
  }
  assert.equal(rows[0]!.stageStatus, StageStatus.EXECUTE_OK);
  assert.equal(rows[1]!.stageStatus, StageStatus.EXECUTE_FAILED);
  assert.match(rows[1]!.errorMessage ?? '', /^Execute: .+\nThe execution result is unknown! Please confirm manually\.$/);
  assert.equal(rows[2]!.stage, 'CHECKED');
});
