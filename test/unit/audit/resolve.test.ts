// The resolve phase (docs/audit.md "Resolve phase"): existence of the current database, the statement's
// database, its tables, CREATE TABLE … LIKE sources and RENAME TABLE pairs; which failures end the statement.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LAYOUT, RuleTester } from '../../support/rule-tester.js';

const tester = new RuleTester({ ...LAYOUT, databases: ['other'] });

tester.run(null, {
  valid: [
    'use other',
    'create database newdb',
    'create database if not exists test',
    'drop database if exists nosuch',
    { sql: 'drop database other', inc: { enable_drop_database: true } },
    'create table t3 (a int)',
    'create table if not exists t1 (a int)',
    'create table t3 like t1',
    { sql: 'drop table if exists nosuch', inc: { enable_drop_table: true } },
    'alter table t1 add column c3 int',
    'insert into t2 (id, c1) values (1, 2)',
    'insert into t1 (id, C1) values (1, 2)',
    'insert into t2 values (1, 2)',
    'update t1 join t2 on t1.id = t2.id set t1.c2 = 1 where t1.id = 1',
    'rename table t1 to t3, t3 to t4',
    { sql: 'create table t5 (a int)', before: ['create database newdb', 'use newdb'] },
  ],
  invalid: [
    { sql: 'use nosuch', messages: ["Selected Database 'nosuch' not existed."] },
    { sql: 'create database test', messages: ["数据库'test'已存在."], level: 2 },
    { sql: 'drop database nosuch', messages: ["Selected Database 'nosuch' not existed."], inc: { enable_drop_database: true } },
    { sql: 'create table t1 (a int)', messages: ["Table 't1' already exists."] },
    { sql: 'create table nosuch.t3 (a int)', messages: ["Selected Database 'nosuch' not existed."] },
    { sql: 'create table t3 like nosuch', messages: ["Table 'test.nosuch' doesn't exist."] },
    { sql: 'drop table t1, nosuch', messages: ["Table 'test.nosuch' doesn't exist."], inc: { enable_drop_table: true } },
    { sql: 'alter table nosuch add column c int', messages: ["Table 'test.nosuch' doesn't exist."] },
    { sql: 'update t1 join nosuch on t1.id = nosuch.id set t1.c2 = 1', messages: ["Table 'test.nosuch' doesn't exist."] },
    { sql: 'insert into t1 (id) values (1)', messages: ["Table 'test.t1' doesn't exist."], before: ['drop table t1'], inc: { enable_drop_table: true } },
    { sql: 'rename table nosuch to t5, t2 to t1', messages: ["Table 'test.nosuch' doesn't exist."] },
    { sql: 'rename table t2 to t1', messages: ["Table 't1' already exists."] },
    // INSERT's column list: each missing column, then a repeated one ends the statement
    { sql: 'insert into t1 (id, c9, c8) values (1, 2, 3)', messages: ["Column 't1.c9' not existed.", "Column 't1.c8' not existed."] },
    { sql: 'insert into T1 (id, c9, C2, c2, c8) values (1, 2, 3, 4, 5)', messages: ["Column 'T1.c9' not existed.", "Column 'c2' specified twice in table 'T1'."], level: 2 },
  ],
});

test('a column listed twice in INSERT ends the statement: no value checks follow', async () => {
  const all = new RuleTester(LAYOUT);
  assert.deepEqual((await all.audit('*', 'insert into t2 (id, id) values (1)')).messages, ["Column 'id' specified twice in table 't2'."]);
  assert.deepEqual((await all.audit('*', 'insert into t2 (id, c1) values (1)')).messages, ["Column count doesn't match value count at row 1."]);
});

new RuleTester({ db: null, tables: ['create table test.t1 (id int)', 'create table test.t2 (id int primary key, c1 int)'] }).run(null, {
  valid: ['select 1', 'insert into test.t2 (id, c1) values (1, 2)'],
  invalid: [
    { sql: 'select id from t1', messages: ["Incorrect database name ''."] },
    { sql: 'create table t3 (a int)', messages: ["Incorrect database name ''."] },
  ],
});

test('an ended statement runs only the rules ranked before the resolve step', async () => {
  const all = new RuleTester(LAYOUT);
  const inc = { check_insert_field: true, check_dml_where: true };
  // ER_WITH_INSERT_FIELD comes before the table lookup; the SELECT part's checks do not run
  assert.deepEqual((await all.audit('*', 'insert into nosuch select * from t1', { inc })).messages, [
    'Set the field list for insert statements.',
    "Table 'test.nosuch' doesn't exist.",
  ]);
  // a refusal ends the statement before the lookups
  assert.deepEqual((await all.audit('*', 'drop table nosuch')).messages, [
    "Drop/truncate 'nosuch' is not allowed, please replace with alter rename statement.",
  ]);
  // UPDATE: ErrWrongAndExpr comes before the lookup
  assert.deepEqual((await all.audit('*', 'update nosuch set a = 1 and b = 2', { inc })).messages, [
    'May be the wrong syntax! Separate multiple fields with commas.',
    "Table 'test.nosuch' doesn't exist.",
  ]);
});

test('an existing CREATE TABLE target changes nothing in the snapshot; a missing one is created', async () => {
  const all = new RuleTester(LAYOUT);
  const out = await all.audit('*', 'insert into t1 (id, zz) values (1, 2)', { before: ['create table if not exists t1 (zz int)'] });
  assert.deepEqual(out.messages, ["Column 't1.zz' not existed."]);
  const made = await all.audit('*', 'insert into t3 (id, zz) values (1, 2)', { before: ['create table t3 (zz int)'] });
  assert.deepEqual(made.messages, ["Column 't3.id' not existed."]);
});
