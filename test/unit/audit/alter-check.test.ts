// Replayed ALTER existence findings and the pure snapshot transform (no server).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alterFindings } from '../../../src/audit/alter-check.js';
import { applyActions } from '../../../src/audit/effects.js';
import type { TableInfo } from '../../../src/audit/snapshot.js';
import { isValueExpression } from '../../../src/audit/rules/dml/value-expr-where.js';
import { tableChangesOf } from '../../../src/sql/alter-actions.js';
import { whereOf } from '../../../src/sql/ast.js';
import { parseStatement } from '../../../src/sql/parse.js';

const T: TableInfo = {
  db: 'd',
  name: 't',
  columns: ['id', 'a', 'b'].map((field) => ({ field, type: 'int(11)', collation: null, null: field === 'id' ? 'NO' : 'YES', key: field === 'id' ? 'PRI' : '', default: null, extra: '', comment: '' })),
  indexes: [
    { keyName: 'PRIMARY', nonUnique: 0, seqInIndex: 1, columnName: 'id', indexType: 'BTREE' },
    { keyName: 'ix_a', nonUnique: 1, seqInIndex: 1, columnName: 'a', indexType: 'BTREE' },
  ],
  isNew: false,
  hasNewColumns: false,
  isView: false,
};

const names = (list: readonly { name: string }[]) => list.map((x) => x.name);

function actions(sql: string) {
  const p = parseStatement(sql);
  assert.ok(p.ok, sql);
  return tableChangesOf(p.statement);
}

test('findings fire', () => {
  // `PRIMARY` is reserved: MariaDB and MySQL refuse it unquoted as a new index name
  const f = alterFindings(T, actions('alter table t add column a int, drop column zz, modify q int, change b a int, add index ix_a (nope), drop index gone, rename index ix_a to `PRIMARY`, alter column w set default 1'));
  assert.deepEqual(names(f.columnExisted), ['t.a', 't.a']);
  assert.deepEqual(names(f.columnNotExisted), ['t.zz', 't.q', 't.nope', 't.w']);
  assert.deepEqual(names(f.dupIndex), ['ix_a']);
  assert.deepEqual(names(f.cantDrop), ['t.gone']);
  assert.deepEqual(names(f.dupKeyName), ['PRIMARY']);
  assert.deepEqual(names(alterFindings(T, actions('alter table t drop primary key, drop primary key')).cantDrop), ['t.PRIMARY']);
  assert.deepEqual(names(alterFindings(T, actions('create index ix_a on t (b)')).dupIndex), ['ix_a']);
});

test('findings stay quiet; actions replay in order', () => {
  const f = alterFindings(T, actions('alter table t add column c int after b, drop column c, add column c int, change b b2 int, drop column b2, rename index ix_a to ix_a2, drop index ix_a2, add index ix_a (a)'));
  assert.deepEqual(f, { columnExisted: [], columnNotExisted: [], cantDrop: [], dupIndex: [], dupKeyName: [] });
});

test('applyActions: columns, defaults, indexes, rename target', () => {
  const { table, renameTo } = applyActions(T, actions('alter table t rename index ix_a to ix_b, alter column a set default 7, add column c int after id, change b b2 varchar(4), rename to d.t2'));
  assert.deepEqual(table.columns.map((c) => c.field), ['id', 'c', 'a', 'b2']);
  assert.equal(table.columns.find((c) => c.field === 'a')!.default, '7');
  assert.equal(table.columns.find((c) => c.field === 'b2')!.type, 'varchar(4)');
  assert.deepEqual([...new Set(table.indexes.map((i) => i.keyName))], ['PRIMARY', 'ix_b']);
  assert.equal(table.hasNewColumns, true);
  assert.deepEqual(renameTo, { db: 'd', name: 't2' });
  const idx = applyActions(T, actions('alter table t drop index ix_a, alter column a drop default')).table;
  assert.deepEqual(idx.indexes.map((i) => i.keyName), ['PRIMARY']);
  assert.equal(idx.hasNewColumns, false, 'index/default changes are not new columns');
  assert.deepEqual(T.indexes.length, 2, 'the input table is not mutated');
});

test('applyActions: FIRST and AFTER put columns where the server does (ADD, MODIFY, CHANGE)', () => {
  const order = (sql: string) => applyActions(T, actions(sql)).table.columns.map((c) => c.field);
  assert.deepEqual(order('alter table t add column c int first'), ['c', 'id', 'a', 'b']);
  assert.deepEqual(order('alter table t add column c int after a'), ['id', 'a', 'c', 'b']);
  assert.deepEqual(order('alter table t add column c int'), ['id', 'a', 'b', 'c']);
  assert.deepEqual(order('alter table t add column c int first, add column e int first'), ['e', 'c', 'id', 'a', 'b']);
  assert.deepEqual(order('alter table t add column c int first, add column e int after c'), ['c', 'e', 'id', 'a', 'b']);
  assert.deepEqual(order('alter table t modify column b int first'), ['b', 'id', 'a']);
  assert.deepEqual(order('alter table t modify column id int after b'), ['a', 'b', 'id']);
  assert.deepEqual(order('alter table t modify column a bigint'), ['id', 'a', 'b'], 'no position: it stays');
  assert.deepEqual(order('alter table t change column b b2 int first'), ['b2', 'id', 'a']);
  assert.deepEqual(order('alter table t change column id id2 int after a'), ['a', 'id2', 'b']);
  const moved = applyActions(T, actions('alter table t modify column b bigint first')).table;
  assert.equal(moved.columns[0]!.type, 'bigint', 'the moved column has its new definition');
  assert.equal(moved.hasNewColumns, true);
});

test('constant WHERE detection (ErrUseValueExpr)', () => {
  const where = (sql: string) => {
    const p = parseStatement(sql);
    assert.ok(p.ok);
    return whereOf(p.statement);
  };
  for (const w of ['1', "'x'", '1 and 1', '1 + 2', 'true or 0']) assert.equal(isValueExpression(where(`delete from t where ${w}`)), true, w);
  for (const w of ['1 = 1', 'id = 1', 'a and 1', 'id in (1)']) assert.equal(isValueExpression(where(`delete from t where ${w}`)), false, w);
});
