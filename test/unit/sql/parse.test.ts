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

test('INSERT with empty rows or an empty column list (every column takes its default) parses', () => {
  for (const sql of ['insert into t values ()', 'INSERT INTO t () VALUES ()', 'replace into d.t value (), ()']) {
    const s = ok(sql);
    assert.equal(insertColumnsOf(s), null, sql);
    assert.ok(insertRowsOf(s)!.every((r) => r.length === 0), sql);
  }
  const mixed = ok("insert into t (a, b) values (), (1, 'x') on duplicate key update a = 2");
  assert.deepEqual(insertColumnsOf(mixed), ['a', 'b']);
  assert.deepEqual(insertRowsOf(mixed)!.map((r) => r.length), [0, 2]);
  // still refused: a column list without commas, a row left open
  assert.equal(parseStatement('insert into t (a b) values ()').ok, false);
  assert.equal(parseStatement('insert into t values (), (1').ok, false);
});

test('the NULL-safe equality <=> parses, in the tree as <=>, beside the other comparisons', () => {
  const where = (sql: string) => JSON.stringify(whereOf(ok(sql)));
  assert.match(where('update t set a = 1 where b <=> null'), /"operator":"<=>".*"type":"null"/);
  const all = where('delete from t where a <=> 1 and b != 2 and c <> 3 and d >= 4 and f<=>g');
  assert.equal(all.match(/"operator":"<=>"/g)!.length, 2);
  for (const op of ['!=', '<>', '>=']) assert.ok(all.includes(`"operator":"${op}"`), op);
  // every stand-in taken: refused (not misread)
  assert.equal(parseStatement('delete from t where a <=> 1 and b != 2 and c <> 3 and d >= 4 and e <= 5').ok, false);
  assert.equal(JSON.stringify(ok("select '<=>' from t").ast).includes('<=>'), true);
  // a shape seen many times: each statement keeps its own literals and operator
  for (let i = 0; i < 4; i++) assert.match(where(`update t set a = ${i} where b <=> ${i + 10}`), new RegExp(`"operator":"<=>".*"value":${i + 10}`));
  const bad = parseStatement('update t set a = 1 where b <=> ');
  assert.equal(bad.ok, false);
  assert.equal(!bad.ok && bad.message, 'line 1 column 30 near "> " ');
});

test('the value DEFAULT (VALUES, SET, ON DUPLICATE KEY UPDATE) parses as a default node; DEFAULT(col) stays a call', () => {
  const dflt = { type: 'default', value: 'DEFAULT' };
  assert.deepEqual(insertRowsOf(ok('insert into t (a, b) values (1, DEFAULT), (default, 2)')), [[{ type: 'number', value: 1 }, dflt], [dflt, { type: 'number', value: 2 }]]);
  const upd = ok('update t set a = default, b = 2 where c <=> 1') as { ast: { set: { value: unknown }[] } } & ParsedStatement;
  assert.deepEqual(upd.ast.set.map((x) => x.value), [dflt, { type: 'number', value: 2 }]);
  assert.match(JSON.stringify(ok('insert into t (a) values (1) on duplicate key update a = default').ast), /"on_duplicate_update":.*"type":"default"/);
  assert.match(JSON.stringify(ok('insert into t (a) values (default(a))').ast), /"type":"function"/);
  // a column really named like the stand-in is never taken for DEFAULT
  assert.equal(JSON.stringify(ok('update t set a = __inceptor_default__ where id = 1').ast).includes('"type":"default"'), false);
  assert.deepEqual(insertColumnsOf(ok('insert into d.t (t.a, d.t.b) values (1, 2)')), ['a', 'b']);
});

test('statement modifiers, numbers without a leading zero and BINARY col parse; the statement is read as without them', () => {
  for (const sql of ['update ignore t set a = 1 where id = 1', 'update low_priority ignore t set a = 1 where id = 1', 'delete ignore from t where id = 1', 'delete low_priority quick from t where id = 1', 'insert low_priority ignore into t (a) values (1)', 'insert delayed into t (a) values (1)', 'replace high_priority into t (a) values (1)']) {
    const s = ok(sql);
    assert.deepEqual(tablesOf(s).map((t) => t.name), ['t'], sql);
  }
  assert.deepEqual(whereOf(ok('delete low_priority from t where id = 1 and b <=> .5')), whereOf(ok('delete from t where id = 1 and b <=> 0.5')));
  // node-sql-parser's own tree of the same numbers with their zero
  assert.deepEqual(ok('update t set a = .5, b = -.25 where c in (.1)').ast, ok('update t set a = 0.5, b = -0.25 where c in (0.1)').ast);
  assert.equal(parseStatement('update ignore ignore').ok, false);
  assert.deepEqual(whereOf(ok("update t set a = 1 where binary t.b = 'x' and binary c <=> binary 'y'")), whereOf(ok("update t set a = 1 where cast(t.b as binary) = 'x' and cast(c as binary) <=> binary 'y'")));
  assert.ok(ok('update t set a = cast(b as binary), c = convert(d using binary) where id = 1'));
});

test("an introduced string with COLLATE parses as the string with its introducer and collation", () => {
  const s = ok("update t set b = _utf8mb4'x' COLLATE utf8mb4_bin where id = 1");
  const value = (s.ast as { set: { value: Record<string, unknown> }[] }).set[0]!.value;
  assert.equal(value.type, 'single_quote_string');
  assert.equal(value.value, 'x');
  assert.equal(value.prefix, '_utf8mb4');
  assert.deepEqual(value.suffix, ok("update t set b = 'x' COLLATE utf8mb4_bin where id = 1").ast && (ok("update t set b = 'x' COLLATE utf8mb4_bin where id = 1").ast as { set: { value: { suffix: unknown } }[] }).set[0]!.value.suffix);
  // node-sql-parser alone reads `_latin1'x'` as a column with an alias: the introducer is read as one
  const sel = ok("select _latin1'x', _binary'y' from t");
  assert.deepEqual((sel.ast as { columns: { expr: { prefix?: unknown; type: unknown } }[] }).columns.map((c) => [c.expr.type, c.expr.prefix]), [['single_quote_string', '_latin1'], ['single_quote_string', '_binary']]);
  // a column named like an introducer but no charset stays a column
  assert.equal((ok("select _nocharset 'x' from t").ast as { columns: { expr: { type: unknown } }[] }).columns[0]!.expr.type, 'column_ref');
});

test("adjacent strings parse as one string", () => {
  assert.deepEqual(ok("update t set b = 'a' 'b' where c = 'x' 'y' 'z'").ast, ok("update t set b = 'ab' where c = 'xyz'").ast);
  assert.deepEqual(ok(`update t set b = 'it''s' "a'b" where id = 1`).ast, ok("update t set b = 'it''sa''b' where id = 1").ast);
});

test('SOUNDS LIKE parses as its own operator, beside LIKE and REGEXP', () => {
  const w = whereOf(ok("update t set a = 1 where b sounds like 'x' and c like 'y%' and d regexp 'z'")) as { left: { left: { operator: unknown }; right: { operator: unknown } }; right: { operator: unknown } };
  assert.deepEqual([w.left.left.operator, w.left.right.operator, w.right.operator], ['SOUNDS LIKE', 'LIKE', 'REGEXP']);
  assert.deepEqual(tablesOf(ok("delete from t where b sounds like 'x' and c rlike 'y'")).map((t) => t.name), ['t']);
});

test('MATCH … AGAINST parses in UPDATE and DELETE whatever the case of AGAINST', () => {
  for (const sql of ["update t set a = 1 where match (b) against ('x' in boolean mode)", "delete from t where MATCH (b, c) Against ('x')"]) {
    const w = whereOf(ok(sql)) as { type: unknown; columns: unknown[] };
    assert.equal(w.type, 'fulltext_search', sql);
    assert.deepEqual(tablesOf(ok(sql)).map((t) => t.name), ['t']);
  }
});

test("MariaDB's DELETE … RETURNING and INSERT … RETURNING parse; the list is kept as `returning`", () => {
  const d = ok('delete from t where id = 1 returning id, b as bb');
  assert.equal(d.kind, 'delete');
  assert.deepEqual(whereOf(d), whereOf(ok('delete from t where id = 1')));
  const ret = (d.ast as { returning: { type: string; columns: { expr: { column: unknown }; as: unknown }[] } }).returning;
  assert.deepEqual(ret.columns.map((c) => [c.expr.column, c.as]), [['id', null], ['b', 'bb']]);
  const i = ok("insert into t (id, b) values (1, 'x'), (2, default) returning *");
  assert.equal(i.kind, 'insert');
  assert.deepEqual(insertColumnsOf(i), ['id', 'b']);
  assert.equal(insertRowsOf(i)?.length, 2);
  assert.equal(ok('replace into t (id) values (1) returning id').kind, 'replace');
  assert.equal(parseStatement('delete from t where id = 1 returning').ok, false);
});

test('STRAIGHT_JOIN and NATURAL JOIN parse in a multi-table UPDATE; NATURAL joins carry no ON', () => {
  assert.deepEqual(tablesOf(ok('update t1 straight_join t2 on t1.id = t2.id set t1.a = t2.c')).map((t) => t.name), ['t1', 't2']);
  const n = ok('update t1 x natural join db.t2 y natural left outer join t3 set x.a = y.c where t3.d = 1');
  assert.deepEqual(tablesOf(n).map((t) => [t.db, t.name]), [[null, 't1'], ['db', 't2'], [null, 't3']]);
  const items = (n.ast as { table: Record<string, unknown>[] }).table;
  assert.deepEqual(items.map((t) => [t.as, t.join ?? null, t.on ?? null, t.using]), [['x', null, null, undefined], ['y', 'NATURAL INNER JOIN', null, undefined], [null, 'NATURAL LEFT JOIN', null, undefined]]);
  assert.equal(ok('select * from t1 natural join t2 where a = 1').kind, 'select');
});

test('repeated statements of a shape that needs respelling read their own literals (the shape goes to the respelling first)', () => {
  for (let i = 1; i <= 5; i++) {
    const d = ok(`delete from t where id = ${i} and b = 'v${i}' returning id`);
    assert.deepEqual(whereOf(d), whereOf(ok(`delete from t where id = ${i} and b = 'v${i}'`)), `delete ${i}`);
    const u = ok(`update ignore t set a = ${i * 10} where b sounds like 's${i}'`);
    assert.deepEqual((u.ast as { set: { value: unknown }[] }).set[0]!.value, { type: 'number', value: i * 10 });
    assert.deepEqual((whereOf(u) as { right: unknown; operator: unknown }).right, { type: 'single_quote_string', value: `s${i}` });
    assert.equal((whereOf(u) as { operator: unknown }).operator, 'SOUNDS LIKE');
  }
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
