// The first slice of audit rules, the schema snapshot and the EXPLAIN estimate against a real MariaDB.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'mysql2/promise';
import { ResultRow } from '../../../src/rows/row.js';
import { createAuditor, type Auditor, type SqlRunner } from '../../../src/audit/engine.js';
import { parseStatement } from '../../../src/sql/parse.js';
import { directConnection, freshDatabase, sqlRunner } from '../../support/mariadb.js';
import type { IncConfig } from '../../../src/config/config.js';
import { incConfig } from '../../support/rule-tester.js';

const DB = 'h3_audit_rules';
let conn: Connection;
let runner: SqlRunner;

before(async () => {
  await freshDatabase(DB);
  conn = await directConnection(DB);
  await conn.query('DROP DATABASE IF EXISTS h3_audit_new');
  await conn.query('CREATE TABLE t1 (id INT PRIMARY KEY, a INT, b VARCHAR(10))');
  await conn.query('INSERT INTO t1 VALUES (1,1,"x"),(2,2,"y"),(3,3,"z"),(4,4,"w")');
  await conn.query('CREATE TABLE gone (id INT PRIMARY KEY)');
  await conn.query('CREATE DATABASE IF NOT EXISTS h3_audit_other');
  runner = sqlRunner(conn);
});

after(async () => {
  await conn.query('DROP DATABASE IF EXISTS h3_audit_other');
  await conn.end();
});

function newAuditor(inc: Partial<IncConfig> = {}, levels: Record<string, number> = {}, initialDb: string | null = null): Auditor {
  return createAuditor({
    settings: { inc: incConfig(inc), levels },
    target: runner,
    initialDb,
    serverInfo: { version: '10.11', lowerCaseTableNames: 0, sqlMode: '', explicitDefaultsForTimestamp: true },
  });
}

async function batch(auditor: Auditor, sqls: string[]): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const sql of sqls) {
    const parsed = parseStatement(sql);
    assert.ok(parsed.ok, sql);
    const row = new ResultRow(sql, parsed.statement);
    await auditor.audit(parsed.statement, row);
    rows.push(row);
  }
  return rows;
}

const msgs = (r: ResultRow) => r.messages;

test('USE: existing, missing, created earlier in the batch; currentDb and the target follow', async () => {
  const a = newAuditor();
  const rows = await batch(a, [`use ${DB}`, 'use h3_no_such_db', 'create database h3_audit_new', 'use h3_audit_new']);
  assert.deepEqual(msgs(rows[0]!), []);
  assert.deepEqual(msgs(rows[1]!), ["Selected Database 'h3_no_such_db' not existed."]);
  assert.deepEqual(msgs(rows[2]!), []);
  assert.deepEqual(msgs(rows[3]!), []);
  assert.equal(a.currentDb, 'h3_audit_new');
  const [[cur]] = (await conn.query('SELECT DATABASE() AS d')) as unknown as [{ d: string }[]];
  assert.equal(cur!.d, DB, 'target stays on the last database it has');
});

test('CREATE/DROP DATABASE rules', async () => {
  const rows = await batch(newAuditor(), [
    `create database ${DB}`,
    `create database if not exists ${DB}`,
    'drop database h3_audit_other',
  ]);
  assert.deepEqual(msgs(rows[0]!), [`数据库'${DB}'已存在.`]);
  assert.equal(rows[0]!.errorLevel, 2);
  assert.deepEqual(msgs(rows[1]!), []);
  assert.deepEqual(msgs(rows[2]!), ["Command is forbidden! Cannot drop database 'h3_audit_other'."]);
  const allowed = await batch(newAuditor({ enable_drop_database: true }), [
    'drop database h3_no_such_db',
    'drop database if exists h3_no_such_db',
    'drop database h3_audit_other',
    'use h3_audit_other',
  ]);
  assert.deepEqual(msgs(allowed[0]!), ["Selected Database 'h3_no_such_db' not existed."]);
  assert.deepEqual(msgs(allowed[1]!), []);
  assert.deepEqual(msgs(allowed[2]!), []);
  assert.deepEqual(msgs(allowed[3]!), ["Selected Database 'h3_audit_other' not existed."], 'dropped earlier in the batch');
});

test('CREATE TABLE rules fire and stay quiet', async () => {
  const strict = { check_primary_key: true, check_table_comment: true, check_column_comment: true };
  const rows = await batch(newAuditor(strict, {}, DB), [
    'create table t1 (id int)',
    'create table if not exists t1 (id int)',
    'create table h3_no_such_db.x (id int primary key)',
    'create table n1 (a int, A int, primary key(a), primary key(a))',
    "create table n2 (id int primary key comment 'pk') comment 'table'",
    'create table n3 (a int)',
  ]);
  assert.deepEqual(msgs(rows[0]!), ["Table 't1' already exists."]);
  assert.deepEqual(msgs(rows[1]!), []);
  assert.deepEqual(msgs(rows[2]!), ["Selected Database 'h3_no_such_db' not existed."]);
  assert.deepEqual(msgs(rows[3]!), [
    'Multiple primary key defined.',
    "Duplicate column name 'A'.",
    "Set comments for table 'n1'.",
    "Column 'a' in table 'n1' have no comments.",
    "Column 'A' in table 'n1' have no comments.",
  ]);
  assert.deepEqual(msgs(rows[4]!), []);
  assert.deepEqual(msgs(rows[5]!), ["Set a primary key for table 'n3'.", "Set comments for table 'n3'.", "Column 'a' in table 'n3' have no comments."]);
  const relaxed = await batch(newAuditor({}, {}, DB), ['create table n4 (a int)']);
  assert.deepEqual(msgs(relaxed[0]!), [], 'gates off by default');
  const noDb = await batch(newAuditor(), ['create table n5 (a int)']);
  assert.deepEqual(msgs(noDb[0]!), ["Incorrect database name ''."]);
});

test('DROP TABLE rules', async () => {
  const forbidden = await batch(newAuditor({}, {}, DB), ['drop table t1', 'truncate table t1']);
  assert.deepEqual(msgs(forbidden[0]!), ["Drop/truncate 't1' is not allowed, please replace with alter rename statement."]);
  assert.deepEqual(msgs(forbidden[1]!), ["Drop/truncate 't1' is not allowed, please replace with alter rename statement."]);
  const allowed = await batch(newAuditor({ enable_drop_table: true }, {}, DB), ['drop table nope', 'drop table if exists nope', 'drop table gone']);
  assert.deepEqual(msgs(allowed[0]!), [`Table '${DB}.nope' doesn't exist.`]);
  assert.deepEqual(msgs(allowed[1]!), []);
  assert.deepEqual(msgs(allowed[2]!), []);
});

test('snapshot: a table created earlier in the batch is seen, a dropped one disappears; one round trip per table', async () => {
  const a = newAuditor({ enable_drop_table: true }, {}, DB);
  const rows = await batch(a, [
    'create table fresh (id int primary key, v int)',
    'insert into fresh (id, v) values (1, 2), (2, 3)',
    'update fresh set v = 1 where id = 1',
    'drop table gone',
    'insert into gone (id) values (1)',
    'insert into t1 (id) values (9)',
    'insert into t1 (id, a) values (10, 1)',
  ]);
  assert.deepEqual(msgs(rows[1]!), []);
  assert.equal(rows[1]!.affectedRows, 2);
  assert.deepEqual(msgs(rows[2]!), []);
  assert.equal(rows[2]!.affectedRows, 0, 'new tables are never EXPLAINed');
  assert.deepEqual(msgs(rows[4]!), [`Table '${DB}.gone' doesn't exist.`]);
  const fresh = await a.snapshot.table(DB, 'fresh');
  assert.deepEqual(fresh?.columns.map((c) => [c.field, c.key]), [['id', 'PRI'], ['v', '']]);
  assert.equal(a.tableFor(rows[5]!)?.name, 't1');
  // databases: DB once; tables: fresh (db lookup only), gone once, t1 once.
  const before = a.snapshot.metadataQueries;
  await batch(a, ['insert into t1 (id) values (11)']);
  assert.equal(a.snapshot.metadataQueries, before, 't1 metadata is cached for the batch');
});

test('DML rules fire and stay quiet', async () => {
  const inc = { check_insert_field: true, check_dml_where: true, check_dml_limit: true, check_dml_orderby: true };
  const rows = await batch(newAuditor(inc, {}, DB), [
    'insert into t1 values (5, 5, "q")',
    'insert into t1 (id, nope) values (5, 5)',
    'insert into t1 (id, a) values (5, 5), (6)',
    'insert into missing (id) values (1)',
    'update t1 set a = 1',
    'delete from t1 order by id limit 1',
    'update t1 set nope = 1 where zz = 2',
    'update t1 set a = 1 where id = 2',
    'insert into t1 set id = 7',
  ]);
  assert.deepEqual(msgs(rows[0]!), ['Set the field list for insert statements.']);
  assert.deepEqual(msgs(rows[1]!), ["Column 't1.nope' not existed."]);
  assert.deepEqual(msgs(rows[2]!), ["Column count doesn't match value count at row 2."]);
  assert.deepEqual(msgs(rows[3]!), [`Table '${DB}.missing' doesn't exist.`]);
  assert.deepEqual(msgs(rows[4]!), ['Please set the where condition.']);
  assert.deepEqual(msgs(rows[5]!), [
    'Please set the where condition.',
    'Limit is not allowed in update/delete statement.',
    'Order by is not allowed in update/delete statement.',
  ]);
  // the first SET column belongs to no table: goInception reports it alone (docs/audit.md "UPDATE and DELETE")
  assert.deepEqual(msgs(rows[6]!), ["Column 'nope' not existed."]);
  assert.deepEqual(msgs(rows[7]!), []);
  assert.ok(msgs(rows[8]!).includes('Set the values list for insert statements.'));
  const noDb = await batch(newAuditor(), ['update t1 set a = 1 where id = 1']);
  assert.deepEqual(msgs(noDb[0]!), ["Incorrect database name ''."]);
});

test('EXPLAIN estimate for UPDATE/DELETE on an existing table (first and max rule)', async () => {
  const rows = await batch(newAuditor({}, {}, DB), ['update t1 set a = a + 1 where a > 0', 'delete from t1 where b = "x"']);
  assert.deepEqual(msgs(rows[0]!), []);
  assert.equal(rows[0]!.affectedRows, 4, 'full scan of the 4-row table');
  assert.ok(rows[1]!.affectedRows >= 1);
  const withMax = await batch(newAuditor({ explain_rule: 'max' }, {}, DB), ['update t1 set a = 1 where id = 2']);
  assert.equal(withMax[0]!.affectedRows, 1);
});
