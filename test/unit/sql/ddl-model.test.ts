// The typed DDL model (src/sql/ddl/): what each DDL form reads into, statement by statement.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStatement } from '../../../src/sql/parse.js';
import type { AlterSpec, DdlOf, DdlStatement, DdlType } from '../../../src/sql/ddl/model.js';

function ddl(sql: string): DdlStatement {
  const r = parseStatement(sql);
  assert.ok(r.ok, `${sql}: ${r.ok ? '' : r.message}`);
  assert.ok(r.statement.ddl, `${sql}: no model`);
  return r.statement.ddl;
}

function ddlOf<T extends DdlType>(type: T, sql: string): DdlOf<T> {
  const d = ddl(sql);
  assert.equal(d.type, type, sql);
  return d as DdlOf<T>;
}

function specs(sql: string): AlterSpec[] {
  return ddlOf('alter_table', sql).specs;
}

test('databases: names (also beginning with digits), IF [NOT] EXISTS, options with and without DEFAULT and =', () => {
  const c = ddlOf('create_database', 'create database if not exists 127_0_0_1_3306_test default character set = utf8mb4 collate utf8mb4_bin');
  assert.equal(c.name, '127_0_0_1_3306_test');
  assert.equal(c.ifNotExists, true);
  assert.deepEqual(c.options.map((o) => [o.name, o.value, o.isDefault]), [['CHARSET', 'utf8mb4', true], ['COLLATE', 'utf8mb4_bin', false]]);
  assert.deepEqual(ddlOf('drop_database', 'drop database if exists 127_0_0_1_3306_test'), { type: 'drop_database', name: '127_0_0_1_3306_test', ifExists: true });
  const a = ddlOf('alter_database', 'alter schema charset latin1');
  assert.equal(a.name, null);
  assert.deepEqual(a.options.map((o) => o.value), ['latin1']);
  assert.equal(ddlOf('alter_database', 'alter database `d` read only = 1').options[0]?.name, 'READ ONLY');
  assert.equal(ddlOf('alter_database', 'alter database d upgrade data directory name').upgrade, true);
  assert.equal(parseStatement('create database d engine=innodb').ok, false);
});

test('CREATE TABLE columns: type, length/scale, unsigned/zerofill, charset/collation, null, default kinds, extras', () => {
  const t = ddlOf(
    'create_table',
    "create table d.t (id bigint(20) unsigned zerofill not null auto_increment primary key comment 'pk', " +
      "name varchar(32) charset utf8mb4 collate utf8mb4_bin null default 'it''s' comment 'n', " +
      'price decimal(10,2) default -1.50, flags bit(4) default b\'0101\', h varbinary(4) default 0x0A, ok bool default true, ' +
      'ts timestamp(3) not null default current_timestamp(3) on update now(3), u char(36) default (uuid()), ' +
      "e enum('a','b''c') default null, g int as (id + 1) stored, v int generated always as (id * 2) virtual, " +
      'inv int invisible unique key check (inv > 0), r int references p (id) on delete cascade)',
  );
  assert.deepEqual(t.table, { db: 'd', name: 't' });
  const [id, name, price, flags, h, ok, ts, u, e, g, v, inv, r] = t.columns;
  assert.deepEqual([id!.type.name, id!.type.length, id!.type.unsigned, id!.type.zerofill, id!.nullable, id!.autoIncrement, id!.primaryKey, id!.comment], ['BIGINT', 20, true, true, false, true, true, 'pk']);
  assert.deepEqual([name!.type.charset, name!.type.collation, name!.nullable, name!.default], ['utf8mb4', 'utf8mb4_bin', true, { kind: 'string', text: "'it''s'", value: "it's" }]);
  assert.deepEqual([price!.type.length, price!.type.scale, price!.default], [10, 2, { kind: 'number', text: '-1.50', value: '-1.50' }]);
  assert.deepEqual(flags!.default, { kind: 'bit', text: "b'0101'", value: '0101' });
  assert.deepEqual(h!.default, { kind: 'hex', text: '0x0A', value: '0A' });
  assert.deepEqual(ok!.default?.value, '1');
  assert.deepEqual([ts!.type.length, ts!.default?.kind, ts!.default?.value, ts!.onUpdate?.value], [3, 'current_timestamp', 'CURRENT_TIMESTAMP(3)', 'CURRENT_TIMESTAMP(3)']);
  assert.deepEqual(u!.default, { kind: 'expression', text: '(uuid())', value: null });
  assert.deepEqual([e!.type.values, e!.default?.kind], [['a', "b'c"], 'null']);
  assert.deepEqual(g!.generated, { expr: 'id + 1', stored: true });
  assert.deepEqual(v!.generated, { expr: 'id * 2', stored: false });
  assert.deepEqual([inv!.invisible, inv!.unique, inv!.check], [true, true, 'inv > 0']);
  assert.deepEqual(r!.references, { table: { db: null, name: 'p' }, columns: ['id'], onDelete: 'CASCADE', onUpdate: null, match: null });
  assert.equal(id!.text, "id bigint(20) unsigned zerofill not null auto_increment primary key comment 'pk'");
});

test('CREATE TABLE keys: kinds, names, prefix/functional/JSON parts, order, USING, comment, visibility, FKs, checks', () => {
  const t = ddlOf(
    'create_table',
    'create table t (a int, b varchar(100), j json, primary key (a), unique key uk_b (b(10) desc), key idx_fn ((lower(b))) invisible, ' +
      "index idx_mv ((cast(j->'$.z' as unsigned array))) comment 'zips', fulltext ft (b) with parser ngram, key using hash (a), " +
      'constraint fk_a foreign key (a) references p (id) on update set null, constraint ck check (a > 0), spatial index sp (b) ignored)',
  );
  const summary = t.indexes.map((ix) => [ix.kind, ix.name, ix.constraint, ix.parts.map((p) => p.column ?? `(${p.expression})`).join(','), ix.visible]);
  assert.deepEqual(summary, [
    ['primary', null, null, 'a', null],
    ['unique', 'uk_b', null, 'b', null],
    ['index', 'idx_fn', null, '(lower(b))', false],
    ['index', 'idx_mv', null, "(cast(j->'$.z' as unsigned array))", null],
    ['fulltext', 'ft', null, 'b', null],
    ['index', null, null, 'a', null],
    ['foreign', null, 'fk_a', 'a', null],
    ['check', null, 'ck', '', null],
    ['spatial', 'sp', null, 'b', false],
  ]);
  assert.deepEqual(t.indexes[1]!.parts[0], { column: 'b', length: 10, expression: null, order: 'DESC' });
  assert.equal(t.indexes[3]!.comment, 'zips');
  assert.equal(t.indexes[4]!.parser, 'ngram');
  assert.equal(t.indexes[5]!.using, 'HASH');
  assert.equal(t.indexes[6]!.references?.onUpdate, 'SET NULL');
  assert.equal(t.indexes[7]!.check, 'a > 0');
});

test('CREATE TABLE options (with and without commas), LIKE, AS SELECT, TEMPORARY, OR REPLACE', () => {
  const t = ddlOf('create_table', "create table t (a int) engine innodb default charset utf8mb4 collate=utf8mb4_bin, comment 'x' auto_increment=5 row_format=dynamic");
  assert.deepEqual(t.options.map((o) => [o.name, o.value]), [['ENGINE', 'innodb'], ['CHARSET', 'utf8mb4'], ['COLLATE', 'utf8mb4_bin'], ['COMMENT', 'x'], ['AUTO_INCREMENT', '5'], ['ROW_FORMAT', 'dynamic']]);
  assert.deepEqual(ddlOf('create_table', 'create table if not exists a.t2 like b.t1').like, { db: 'b', name: 't1' });
  assert.deepEqual(ddlOf('create_table', 'create table t2 (like t1)').like, { db: null, name: 't1' });
  const s = ddlOf('create_table', 'create temporary table t (primary key (id)) engine=memory as select id from u where x > 1');
  assert.deepEqual([s.temporary, s.select, s.indexes.length], [true, 'select id from u where x > 1', 1]);
  assert.equal(ddlOf('create_table', 'create table t ignore select 1 a').duplicates, 'IGNORE');
  assert.equal(ddlOf('create_table', 'create or replace table t (a int)').orReplace, true);
  // a column list that is a query
  assert.equal(ddlOf('create_table', 'create table t (select 1 a)').select, '(select 1 a)');
});

test('partitioning: RANGE/LIST [COLUMNS], [LINEAR] HASH/KEY, PARTITIONS n, SUBPARTITION, definitions', () => {
  const r = ddlOf('create_table', "create table t (d date) partition by range columns (d) (partition p0 values less than ('2024-01-01') engine=innodb comment 'old', partition p1 values less than (maxvalue))").partition!;
  assert.deepEqual([r.type, r.columns, r.definitions.map((d) => [d.name, d.valuesKind, d.values])], ['RANGE', ['d'], [['p0', 'LESS THAN', "'2024-01-01'"], ['p1', 'LESS THAN', 'MAXVALUE']]]);
  assert.deepEqual(r.definitions[0]!.options.map((o) => o.name), ['ENGINE', 'COMMENT']);
  const l = ddlOf('create_table', 'create table t (a int) partition by list (a) (partition p values in (1, 2))').partition!;
  assert.deepEqual([l.type, l.expr, l.definitions[0]!.values], ['LIST', 'a', '1, 2']);
  const h = ddlOf('create_table', 'create table t (a int) partition by linear hash (a) partitions 4').partition!;
  assert.deepEqual([h.type, h.linear, h.count], ['HASH', true, 4]);
  const k = ddlOf('create_table', 'create table t (a int) partition by key algorithm=2 (a) partitions 3 subpartition by hash (a) subpartitions 2').partition!;
  assert.deepEqual([k.type, k.columns, k.subpartition], ['KEY', ['a'], 'subpartition by hash (a) subpartitions 2']);
  assert.equal(parseStatement('create table t (a int) partition by linear range (a) (partition p values less than (1))').ok, false);
});

test('ALTER TABLE: every spec reads into its op, with its own text', () => {
  const cases: [string, string][] = [
    ['add column c int after b', 'add_column'],
    ['add (c int, d int)', 'add_column'],
    ['add column if not exists c int', 'add_column'],
    ['drop column c', 'drop_column'],
    ['drop c', 'drop_column'],
    ['modify c bigint first', 'modify_column'],
    ['change c d int', 'change_column'],
    ['rename column c to d', 'rename_column'],
    ['alter column c set default 1', 'alter_column_default'],
    ['alter c drop default', 'alter_column_default'],
    ['alter column c set invisible', 'alter_column_visibility'],
    ['add index i (a)', 'add_index'],
    ['add constraint fk foreign key (a) references p (id)', 'add_index'],
    ['drop index i', 'drop_index'],
    ['drop key i', 'drop_index'],
    ['drop primary key', 'drop_primary_key'],
    ['drop foreign key fk', 'drop_foreign_key'],
    ['drop check ck', 'drop_constraint'],
    ['drop constraint ck', 'drop_constraint'],
    ['rename index a to b', 'rename_index'],
    ['rename key a to b', 'rename_index'],
    ['alter index i invisible', 'alter_index_visibility'],
    ['alter index i not ignored', 'alter_index_visibility'],
    ['alter check ck not enforced', 'alter_constraint'],
    ['rename to d.t2', 'rename_table'],
    ['rename as t2', 'rename_table'],
    ['engine=innodb', 'options'],
    ['convert to character set utf8mb4 collate utf8mb4_bin', 'convert_charset'],
    ['algorithm=instant', 'algorithm'],
    ['lock none', 'lock'],
    ['force', 'force'],
    ['order by a, b desc', 'order_by'],
    ['disable keys', 'keys'],
    ['discard tablespace', 'tablespace'],
    ['import tablespace', 'tablespace'],
    ['without validation', 'validation'],
    ['partition by hash (a) partitions 2', 'partition_by'],
    ['remove partitioning', 'remove_partitioning'],
    ['add partition (partition p3 values less than (30))', 'add_partition'],
    ['add partition partitions 2', 'add_partition'],
    ['drop partition p1, p2', 'drop_partition'],
    ['truncate partition all', 'partition_maintenance'],
    ['coalesce partition 2', 'partition_maintenance'],
    ['reorganize partition p1 into (partition p1 values less than (5), partition p2 values less than (10))', 'partition_maintenance'],
    ['exchange partition p0 with table t2 with validation', 'partition_maintenance'],
    ['analyze partition p1, p2', 'partition_maintenance'],
    ['add system versioning', 'system_versioning'],
  ];
  for (const [spec, op] of cases) {
    const s = specs(`alter table t ${spec}`);
    assert.equal(s.length, 1, spec);
    assert.equal(s[0]!.op, op, spec);
    assert.equal(s[0]!.text, spec, spec);
  }
});

test('ALTER TABLE details: positions, defaults, options without commas, column lists with keys, many specs', () => {
  const [add, modify, options] = specs("alter table t add column c int not null default 0 first, modify d varchar(10) after c, auto_increment 20 comment '123'");
  assert.ok(add!.op === 'add_column' && 'first' in add!.position!);
  assert.ok(modify!.op === 'modify_column' && modify!.position !== null && 'after' in modify!.position && modify!.position.after === 'c');
  assert.ok(options!.op === 'options');
  assert.deepEqual(options!.op === 'options' && options!.options.map((o) => [o.name, o.value]), [['AUTO_INCREMENT', '20'], ['COMMENT', '123']]);
  const [cols, ix] = specs('alter table t add (a int, b int, index i (a))');
  assert.deepEqual(cols!.op === 'add_column' && cols!.columns.map((c) => c.name), ['a', 'b']);
  assert.deepEqual([ix!.op, ix!.text], ['add_index', 'index i (a)']);
  const [def] = specs("alter table t alter column c set default 'x'");
  assert.deepEqual(def!.op === 'alter_column_default' && def!.default, { kind: 'string', text: "'x'", value: 'x' });
  const [dropDef] = specs('alter table t alter column c drop default');
  assert.deepEqual(dropDef!.op === 'alter_column_default' && dropDef!.default, null);
  // partitioning may follow the specs without a comma
  assert.deepEqual(specs('alter table t engine=innodb partition by key (a) partitions 2').map((s) => s.op), ['options', 'partition_by']);
  const bare = ddlOf('alter_table', 'alter online ignore table if exists d.t');
  assert.deepEqual([bare.online, bare.ignore, bare.ifExists, bare.table, bare.specs], [true, true, true, { db: 'd', name: 't' }, []]);
});

test('index, drop, truncate, rename and view statements', () => {
  const ci = ddlOf('create_index', "create unique index if not exists u on d.t (a, b(5) desc) using btree comment 'c' algorithm=inplace lock=none");
  assert.deepEqual([ci.table, ci.index.kind, ci.index.name, ci.index.parts.length, ci.index.using, ci.index.comment, ci.algorithm, ci.lock, ci.ifNotExists], [{ db: 'd', name: 't' }, 'unique', 'u', 2, 'BTREE', 'c', 'INPLACE', 'NONE', true]);
  assert.deepEqual(ddlOf('create_index', 'create index f on t ((lower(a)))').index.parts[0]?.expression, 'lower(a)');
  assert.deepEqual(ddlOf('drop_index', 'drop index if exists i on t nowait'), { type: 'drop_index', table: { db: null, name: 't' }, name: 'i', ifExists: true, algorithm: null, lock: null });
  assert.deepEqual(ddlOf('drop_table', 'drop temporary table if exists a, d.b cascade'), { type: 'drop_table', tables: [{ db: null, name: 'a' }, { db: 'd', name: 'b' }], ifExists: true, temporary: true });
  assert.deepEqual(ddlOf('drop_view', 'drop view v1, v2').views.map((v) => v.name), ['v1', 'v2']);
  assert.deepEqual(ddlOf('truncate_table', 'truncate d.t').table, { db: 'd', name: 't' });
  assert.deepEqual(ddlOf('rename_table', 'rename table a to b, d.c to e.f').pairs.map((p) => `${p.from.name}>${p.to.db}.${p.to.name}`), ['a>null.b', 'c>e.f']);
  const v = ddlOf('create_view', "create or replace algorithm=merge definer='root'@'%' sql security invoker view d.v (x, y) as with c as (select 1 a, 2 b) select a, b from c union select 3, 4 with local check option");
  assert.deepEqual([v.orReplace, v.algorithm, v.definer, v.security, v.view, v.columns, v.checkOption], [true, 'MERGE', "'root'@'%'", 'INVOKER', { db: 'd', name: 'v' }, ['x', 'y'], 'LOCAL']);
  assert.equal(v.select, 'with c as (select 1 a, 2 b) select a, b from c union select 3, 4');
});

test('reserved words need backticks; a dot joins names; any word may follow a dot', () => {
  assert.equal(parseStatement('create table order (a int)').ok, false);
  assert.deepEqual(ddlOf('create_table', 'create table `order` (`key` int)').columns[0]?.name, 'key');
  assert.deepEqual(ddlOf('create_table', 'create table d.order (a int)').table, { db: 'd', name: 'order' });
  assert.deepEqual(ddlOf('create_table', 'create table t (t.a int, d.t.b int)').columns.map((c) => [c.qualifier, c.name]), [[{ db: null, name: 't' }, 'a'], [{ db: 'd', name: 't' }, 'b']]);
});

test('statements that are not DDL we read go elsewhere', () => {
  for (const sql of ['create user u', 'alter view v as select 1', 'drop procedure p', 'create trigger tr before insert on t for each row set @a = 1']) {
    const r = parseStatement(sql);
    assert.ok(!r.ok || r.statement.ddl === undefined, sql);
  }
});
