// The target session's query path (src/target/session.ts): statements go out verbatim — mysql2 formats only
// parameterised reads, so `?` in an executed statement is never taken for a placeholder — and parameterised reads
// still bind their values; a lost connection refuses the next statement as not sent.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { directConnection, freshDatabase, testDb } from '../../support/mariadb.js';
import { defaultOptions, type BatchOptions } from '../../../src/options/magic-comment.js';
import { StatementNotSent, TargetSession } from '../../../src/target/session.js';

const DB = 'target_query_path';
let options: BatchOptions;

before(async () => {
  const db = await testDb();
  await freshDatabase(DB);
  options = { ...defaultOptions(), host: db.host, port: db.port, user: db.user, password: db.password, db: DB };
  const c = await directConnection(DB);
  await c.query("create table t (id int not null primary key comment 'id', s varchar(40) comment 's') comment 't'");
  await c.end();
});

after(async () => {
  const c = await directConnection();
  await c.query(`drop database if exists \`${DB}\``);
  await c.end();
});

test('executed statements keep every `?` and `??` as written; parameterised reads bind theirs', async () => {
  const target = await TargetSession.connect(options, { inc: {} });
  try {
    const result = await target.execute("insert into t values (1, 'a ? b ?? c'), (2, '?')");
    assert.equal(result.affectedRows, 2);
    assert.ok(result.seconds >= 0);
    const rows = await target.query<{ s: string }>('select s from t order by id');
    assert.deepEqual(rows.map((r) => r.s), ['a ? b ?? c', '?']);
    const bound = await target.query<{ s: string }>('select s from t where id = ? and s = ?', [2, '?']);
    assert.deepEqual(bound.map((r) => r.s), ['?']);
    assert.equal(await target.variable('sql_safe_updates'), 'OFF');
  } finally {
    await target.close();
  }
});

test('hundreds of statements in a row on one session: each answered in order with its own affected rows', async () => {
  const target = await TargetSession.connect(options, { inc: {} });
  try {
    for (let i = 0; i < 300; i++) {
      const r = await target.execute(`insert into t values (${1000 + i}, 'n${i}') on duplicate key update s = s`);
      assert.equal(r.affectedRows, 1);
    }
    const update = await target.execute("update t set s = 'x' where id between 1000 and 1009");
    assert.equal(update.affectedRows, 10);
    assert.equal((await target.execute("update t set s = 'x' where id between 1000 and 1009")).affectedRows, 0, 'changed rows, not matched');
  } finally {
    await target.close();
  }
});

test('after the server ends the session, the next statement is not sent; a closed session refuses at once', async () => {
  const target = await TargetSession.connect(options, { inc: {} });
  const id = await target.threadId();
  const admin = await directConnection();
  try {
    await admin.query(`kill connection ${id}`);
    const deadline = Date.now() + 5000;
    while (target.lostConnection === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    target.pinConnection(true);
    await assert.rejects(target.execute("insert into t values (9, 'never')"), (err) => err instanceof StatementNotSent);
  } finally {
    await admin.end();
    await target.close();
  }
  await assert.rejects(target.query('select 1'), /closed/);
  const c = await directConnection(DB);
  const [rows] = await c.query('select count(*) n from t where id = 9');
  await c.end();
  assert.equal(Number((rows as { n: number }[])[0]!.n), 0);
});
