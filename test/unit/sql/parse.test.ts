import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStatement } from '../../../src/sql/parse.js';
import { writtenText, type ParsedStatement, type StatementKind } from '../../../src/sql/statement.js';
import { SplitGrouper } from '../../../src/batch/modes/split.js';
import { createTableOf, deleteTargetsOf, insertColumnsOf, insertRowsOf, tablesOf, whereOf, hasLimit, hasOrderBy, databaseNameOf } from '../../../src/sql/ast.js';

function ok(sql: string): ParsedStatement {
  const r = parseStatement(sql);
  assert.ok(r.ok, `${sql}: ${r.ok ? '' : r.message}`);
  return r.statement;
}

const KINDS: [string, StatementKind][] = [
  ['use test', 'use'],
  ['/* leading */ use test', 'use'],
  ['-- line comment\nupdate t set a=1 where id=1', 'update'],
  ['# hash comment\ndelete from t where id=1', 'delete'],
  ['create database d', 'create_database'],
  ['create schema if not exists d', 'create_database'],
  ['alter database d default character set utf8', 'alter_database'],
  ['drop database if exists d', 'drop_database'],
  ['create table t(id int primary key)', 'create_table'],
  ['create table t2 like t1', 'create_table'],
  ['create table t(id int) partition by hash(id) partitions 4', 'create_table'],
  ['alter table t add column c int', 'alter_table'],
  ['alter table t rename index a to b', 'alter_table'],
  ['alter table t alter column a set default 1', 'alter_table'],
  ['alter table t1', 'alter_table'],
  ['drop table t', 'drop_table'],
  ['truncate table t', 'truncate_table'],
  ['rename table a to b, c to d', 'rename_table'],
  ['create index i on t(a)', 'create_index'],
  ['drop index i on t', 'drop_index'],
  ['create view v as select 1', 'create_view'],
  ['create view v as select 1 union all select 2', 'create_view'],
  ['drop view v', 'drop_view'],
  ['insert into t values(1)', 'insert'],
  ['insert into t(id) values(1,1)', 'insert'],
  ['replace into t(a) values(1)', 'replace'],
  ['select 1', 'select'],
  ['set names utf8mb4', 'set'],
  ['set autocommit=1', 'set'],
  ['show tables', 'show'],
  ['show full fields from t', 'show'],
  ['explain select 1', 'explain'],
  ['explain update t set a=1', 'explain'],
  ['desc t', 'explain'],
  ['optimize table t', 'other'],
  ['grant all on *.* to x', 'other'],
  ['begin', 'other'],
];

test('statement kinds, including forms node-sql-parser cannot parse', () => {
  for (const [sql, kind] of KINDS) assert.equal(ok(sql).kind, kind, sql);
});

test('recognised forms carry their facts and a null AST', () => {
  const names = ok('SET NAMES latin1 COLLATE latin1_bin');
  assert.equal(names.ast, null);
  assert.deepEqual(names.recognised, { form: 'set_names', charset: 'latin1', collate: 'latin1_bin' });
});

test('DDL carries the typed model, also where node-sql-parser cannot read it', () => {
  const alter = ok('alter table d.t rename index a to b, alter column c drop default');
  assert.equal(alter.ddl?.type, 'alter_table');
  assert.deepEqual(alter.ddl?.type === 'alter_table' && alter.ddl.specs.map((s) => s.op), ['rename_index', 'alter_column_default']);
  const db = ok('alter database d default character set utf8mb4 collate utf8mb4_bin');
  assert.deepEqual(db.ddl?.type === 'alter_database' && db.ddl.options.map((o) => [o.name, o.value]), [['CHARSET', 'utf8mb4'], ['COLLATE', 'utf8mb4_bin']]);
  const part = ok('create table t(id int) partition by hash(id) partitions 4');
  assert.deepEqual(part.ddl?.type === 'create_table' && part.ddl.partition && [part.ddl.partition.type, part.ddl.partition.count], ['HASH', 4]);
  assert.equal(ok('drop database if exists 127_0_0_1_3306_test').ddl?.type, 'drop_database');
  // DML keeps node-sql-parser's AST and has no model
  assert.equal(ok('update t set a=1').ddl, undefined);
});

test('DELETE … USING reads as the equivalent multi-table DELETE', () => {
  const d = ok('delete from t1, t2.* using t1 join t2 on t1.id=t2.id join t3 on t3.id=t1.id where t3.c=1');
  assert.equal(d.kind, 'delete');
  assert.deepEqual(tablesOf(d).map((t) => t.name), ['t1', 't2', 't3']);
  assert.deepEqual(deleteTargetsOf(d).map((t) => t.name), ['t1', 't2']);
  assert.notEqual(whereOf(d), null);
});

test('names beginning with digits (backup schemas) parse everywhere', () => {
  for (const sql of ['use 127_0_0_1_3306_test', 'create database 127_0_0_1_3306_test', 'insert into 127_0_0_1_3306_test.t values(1)', 'select * from 127_0_0_1_3306_test.t where id=1']) {
    ok(sql);
  }
  assert.equal(databaseNameOf(ok('use 127_0_0_1_3306_test')), '127_0_0_1_3306_test');
});

test('INSERT whose row width differs from the column list still parses with its columns', () => {
  const s = ok('insert into t(a, `b`) values(1,2),(3)');
  assert.deepEqual(insertColumnsOf(s), ['a', 'b']);
  assert.deepEqual(insertRowsOf(s)!.map((r) => r.length), [2, 1]);
});

test('syntax errors: line, column after the offending token, near text with trailing space', () => {
  const r = parseStatement('create tabl t1 (id int)');
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.message, 'line 1 column 11 near "tabl t1 (id int)" ');
  const multi = parseStatement('update t\nset a= where id=1');
  assert.ok(!multi.ok && /^line 2 column \d+ near "[^"]*id=1" $/.test(multi.message), !multi.ok ? multi.message : '');
  const long = parseStatement('alter table t foo ' + 'x'.repeat(5000));
  // longer than 2048 bytes: cut, and the total length follows the quote
  assert.ok(!long.ok && long.message.length < 2100 && long.message.endsWith('" (total length 5004)'), !long.ok ? long.message.slice(-40) : '');
  assert.equal(parseStatement('alter table t foo bar').ok, false);
  assert.equal(parseStatement('set names').ok, false);
});

test('AST readers', () => {
  const u = ok('update d.t1 a join t2 b on a.id=b.id set a.x=1 where a.z=3 order by a.id limit 2');
  assert.deepEqual(tablesOf(u).map((t) => [t.db, t.name, t.alias]), [['d', 't1', 'a'], [null, 't2', 'b']]);
  assert.notEqual(whereOf(u), null);
  assert.ok(hasLimit(u) && hasOrderBy(u));
  const d = ok('delete from t');
  assert.equal(whereOf(d), null);
  assert.ok(!hasLimit(d) && !hasOrderBy(d));
  assert.equal(databaseNameOf(ok('use `my db`')), 'my db');
  assert.equal(databaseNameOf(ok('drop database x')), 'x');
  assert.equal(databaseNameOf(ok('create database `y`')), 'y');
  const c = createTableOf(ok("create table t(id int not null auto_increment primary key comment 'pk', n varchar(20), primary key(id)) comment 'tc'"))!;
  assert.equal(c.table?.name, 't');
  assert.equal(c.comment, 'tc');
  assert.deepEqual(c.columns.map((x) => [x.name, x.primaryKey, x.comment]), [['id', true, 'pk'], ['n', false, null]]);
  assert.deepEqual(c.indexes.map(({ model: _, ...rest }) => rest), [{ kind: 'primary', name: null, columns: ['id'] }]);
  assert.equal(c.indexes[0]?.model?.kind, 'primary');
  assert.equal(c.columns[0]?.model?.type.name, 'INT');
});

test("MariaDB's SET STATEMENT … FOR: the inner statement is the statement, the prefix is kept", () => {
  const u = ok('SET STATEMENT max_statement_time=10 FOR update t set a = 1 where id = 2');
  assert.equal(u.kind, 'update');
  assert.equal(u.text, 'update t set a = 1 where id = 2');
  assert.equal(u.setStatement, 'SET STATEMENT max_statement_time=10 FOR');
  assert.deepEqual(tablesOf(u).map((t) => t.name), ["t"]);
  const d = ok("set statement max_statement_time = 1.5, sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE', x = (1 + 2) for\n  DELETE FROM t WHERE id = 1");
  assert.equal(d.kind, 'delete');
  assert.equal(d.text, 'DELETE FROM t WHERE id = 1');
  const a = ok('SET STATEMENT lock_wait_timeout = 5 FOR ALTER TABLE t ADD COLUMN c int FIRST');
  assert.equal(a.kind, 'alter_table');
  assert.equal(a.ddl?.type, 'alter_table');
  assert.equal(ok("SET STATEMENT time_zone = '+00:00' FOR INSERT INTO `d`.`t`(`a`) VALUES(1)").kind, 'insert');
  // a plain SET is untouched
  assert.equal(ok("set sql_mode = ''").setStatement, undefined);
  // what split and print modes show: the statement as written
  assert.equal(writtenText(u), 'SET STATEMENT max_statement_time=10 FOR update t set a = 1 where id = 2');
  assert.equal(writtenText(ok('update t set a = 1')), 'update t set a = 1');
  const split = new SplitGrouper('d');
  split.add(u);
  assert.equal(split.groups[0]!.sql, 'use `d`;\nSET STATEMENT max_statement_time=10 FOR update t set a = 1 where id = 2;\n');
});

test('SET STATEMENT … FOR: a broken prefix, a missing or unsupported inner statement is a syntax error', () => {
  for (const [sql, near] of [
    ['SET STATEMENT max_statement_time=10 FOR', ''],
    ['SET STATEMENT max_statement_time= FOR update t set a=1', 'FOR update t set a=1'],
    ['SET STATEMENT max_statement_time 10 FOR update t set a=1', '10 FOR update t set a=1'],
    ['SET STATEMENT x=1 FOR SET STATEMENT y=2 FOR update t set a=1', 'SET STATEMENT y=2 FOR update t set a=1'],
    ['SET STATEMENT x=1 FOR use db', 'use db'],
    ['SET STATEMENT x=1 FOR set autocommit=0', 'set autocommit=0'],
  ]) {
    const r = parseStatement(sql!);
    assert.equal(r.ok, false, sql);
    if (!r.ok) assert.match(r.message, new RegExp(`near "${near!.replace(/[()*+?.]/g, '\\$&')}"`), sql);
  }
  const inner = parseStatement('SET STATEMENT x=1 FOR update t sett a=1');
  assert.equal(inner.ok, false);
});
