// SELECT/UNION and DML name-resolution rules through the engine against a real MariaDB (docs/audit.md).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'mysql2/promise';
import { ResultRow } from '../../../src/rows/row.js';
import { createAuditor, type Auditor, type SqlRunner } from '../../../src/audit/engine.js';
import { parseStatement } from '../../../src/sql/parse.js';
import { directConnection, freshDatabase, sqlRunner } from '../../support/mariadb.js';
import type { IncConfig } from '../../../src/config/config.js';
import { incConfig } from '../../support/rule-tester.js';

const DB = 'h6_query_rules';
let conn: Connection;
let runner: SqlRunner;

before(async () => {
  await freshDatabase(DB);
  conn = await directConnection(DB);
  await conn.query('CREATE TABLE t1 (id INT PRIMARY KEY AUTO_INCREMENT, a INT NOT NULL, b VARCHAR(10))');
  await conn.query('CREATE TABLE t2 (id INT PRIMARY KEY, c INT, b VARCHAR(10))');
  await conn.query('INSERT INTO t1 (a, b) VALUES (1,"x"),(2,"y"),(3,"z")');
  runner = sqlRunner(conn);
});

after(async () => {
  await conn.end();
});

function auditor(inc: Partial<IncConfig> = {}): Auditor {
  return createAuditor({
    settings: { inc: incConfig(inc), levels: {} },
    target: runner,
    initialDb: DB,
    serverInfo: { version: '10.11', lowerCaseTableNames: 0, sqlMode: '', explicitDefaultsForTimestamp: true },
  });
}

async function audit(sql: string, inc: Partial<IncConfig> = {}, a = auditor(inc)): Promise<ResultRow> {
  const parsed = parseStatement(sql);
  assert.ok(parsed.ok, sql);
  const row = new ResultRow(sql, parsed.statement);
  await a.audit(parsed.statement, row);
  return row;
}
const msgs = async (sql: string, inc: Partial<IncConfig> = {}) => (await audit(sql, inc)).messages;

test('SELECT: missing table, star, unknown/ambiguous columns, duplicate alias, UNION misuse', async () => {
  // goInception's order: the star check comes before the table lookups (docs/audit.md "Message order").
  assert.deepEqual(await msgs('select * from nosuch'), ['Select only star is not allowed.', `Table '${DB}.nosuch' doesn't exist.`]);
  assert.deepEqual(await msgs('select * from t1', { enable_select_star: true }), []);
  assert.deepEqual(await msgs('select id, a from t1 where b = "x" order by a'), []);
  assert.deepEqual(await msgs('select zz, t1.yy from t1 where qq = 1'), ["Column 'zz' not existed.", "Column 't1.yy' not existed.", "Column 'qq' not existed."]);
  assert.deepEqual(await msgs('select b from t1 join t2 on t1.id = t2.id'), ["Column 'b' in field list is ambiguous."]);
  assert.deepEqual(await msgs('select t1.a from t1 join t1 on 1 = 1'), ["Not unique table/alias: 't1'."]);
  assert.deepEqual(await msgs('select a from t1 limit 1 union select c from t2'), ['Incorrect usage of UNION and LIMIT.']);
  assert.deepEqual(await msgs('select k.c from (select c from t2) k where k.c in (select a from t1 where t1.b = k.c)'), []);
  const row = await audit('select a from t1 where id = 1');
  assert.equal(row.affectedRows, 0, 'SELECT is not EXPLAINed');
});

test('JOIN without ON: UPDATE only (goInception never checks a SELECT), gated by check_dml_where, quiet with WHERE', async () => {
  assert.deepEqual(await msgs('update t1 join t2 set t1.a = t2.c where t1.id = t2.id'), []);
  assert.deepEqual(await msgs('select t1.a from t1 join t2', { check_dml_where: true }), []);
  assert.deepEqual(await msgs('update t1 join t2 set t1.a = t2.c where t1.id = t2.id', { check_dml_where: true }), []);
  assert.deepEqual(await msgs('update t1 join t2 set t1.a = t2.c', { check_dml_where: true }), [
    'set the on clause for join statement.',
    'Please set the where condition.',
  ]);
});

test('UPDATE/DELETE resolution, constant WHERE, SET a=1 AND b=2', async () => {
  assert.deepEqual(await msgs('update t1 x join t2 y on x.id = y.id set x.a = y.c where y.b = "q"'), []);
  assert.deepEqual(await msgs('update t1 join t2 on t1.id = t2.id set b = "q" where t1.id = 1'), ["Column 'b' in field list is ambiguous."]);
  assert.deepEqual(await msgs('update t1 set a = 1 where id in (select id from gone)'), [`Table '${DB}.gone' doesn't exist.`]);
  assert.deepEqual(await msgs('delete x, t2 from t1 x join t2 on x.id = t2.id where x.a = 1'), []);
  assert.deepEqual(await msgs('delete x, zz from t1 x join t2 on x.id = t2.id where x.a = 1'), [`Table '${DB}.zz' doesn't exist.`]);
  assert.deepEqual(await msgs('delete from t1 where 1'), ['Please confirm if you want to use value expression in where condition.']);
  assert.deepEqual(await msgs('delete from t1 where 1 = 1'), []);
  assert.deepEqual(await msgs('update t1 set a = 1 and b = "x" where id = 1'), ['May be the wrong syntax! Separate multiple fields with commas.']);
  assert.deepEqual(await msgs('update t1 set a = 1, b = "x" where id = 1'), []);
});

test('INSERT: NULL into NOT NULL, VALUES column refs, INSERT … SELECT checks', async () => {
  assert.deepEqual(await msgs('insert into t1 (id, a, b) values (null, 1, null), (2, null, "x")'), [`Column '${DB}.t1.a' cannot be null in 2 row.`]);
  assert.deepEqual(await msgs('insert into t1 (a, b) values (nope + 1, "x")'), ["Column 'nope' not existed."]);
  assert.deepEqual(await msgs('insert into t1 (a, b) select c, b from t2 where id > 1'), []);
  assert.deepEqual(await msgs('insert into t1 (a, b) select c from t2 where id > 1'), ["Column count doesn't match value count at row 1."]);
  assert.deepEqual(await msgs('insert into t1 (a, b) select c, b from t2', { check_dml_where: true }), ['Please set the where condition.']);
  assert.deepEqual(await msgs('insert into t1 (a, b) select c, b from t2 where 1 order by rand() limit 2', { check_dml_limit: true }), [
    'Limit is not allowed in update/delete statement.',
    'Order by rand is not allowed in select statement.',
  ]);
  assert.deepEqual(await msgs('insert into t1 (a, b) select c, b from t2 where 1 order by rand()', { enable_orderby_rand: true }), []);
  assert.deepEqual(await msgs('insert into t1 select * from t2 where id > 0'), [
    'Select only star is not allowed.',
  ]);
  assert.deepEqual(await msgs('insert into t1 (a) select * from t2 where id > 0', { enable_select_star: true }), ["Column count doesn't match value count at row 1."]);
  assert.deepEqual(await msgs('insert into t1 (a) select c from nosuch where 1'), [`Table '${DB}.nosuch' doesn't exist.`]);
});

test('row limits: max_insert_rows, max_update_rows (EXPLAIN), INSERT … SELECT EXPLAIN', async () => {
  const ins = await audit('insert into t1 (a) values (1), (2), (3)', { max_insert_rows: 2 });
  assert.deepEqual(ins.messages, ['Insert(3 rows) more than 2 rows.']);
  assert.equal(ins.affectedRows, 3);
  assert.deepEqual((await audit('insert into t1 (a) values (1), (2)', { max_insert_rows: 2 })).messages, []);
  const upd = await audit('update t1 set a = a + 1 where a > 0', { max_update_rows: 2 });
  assert.equal(upd.affectedRows, 3);
  assert.deepEqual(upd.messages, ['Update(3 rows) more than 2 rows.']);
  assert.deepEqual((await audit('update t1 set a = 1 where id = 1', { max_update_rows: 2 })).messages, []);
  const insSel = await audit('insert into t2 (id, c) select id, a from t1 where a > 0');
  assert.deepEqual(insSel.messages, []);
  assert.equal(insSel.affectedRows, 3, 'EXPLAIN of the INSERT … SELECT');
});
