// The audit snapshot's table → the layout the binlog side decodes with (src/backup/layout.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tableLayoutOf } from '../../../src/backup/layout.js';
import type { ColumnInfo, IndexInfo, TableInfo } from '../../../src/audit/snapshot.js';

const column = (field: string, over: Partial<ColumnInfo> = {}): ColumnInfo => ({
  field, type: 'int(11)', collation: null, null: 'YES', key: '', default: null, extra: '', comment: '', ...over,
});
const index = (keyName: string, columnName: string, seqInIndex = 1, nonUnique = 0): IndexInfo => ({ keyName, columnName, seqInIndex, nonUnique, indexType: 'BTREE' });
const table = (columns: ColumnInfo[], indexes: IndexInfo[]): TableInfo => ({ db: 'd', name: 't', columns, indexes, isNew: false, hasNewColumns: false, isView: false });

test('columns: nullability, collation, generated', () => {
  const layout = tableLayoutOf(table([
    column('id', { null: 'NO' }),
    column('c', { type: 'varchar(10)', collation: 'utf8mb4_bin' }),
    column('g', { extra: 'VIRTUAL GENERATED' }),
    column('s', { extra: 'STORED GENERATED' }),
    column('u', { extra: 'on update current_timestamp()' }),
  ], []));
  assert.deepEqual(layout.columns.map((c) => [c.name, c.nullable, c.collation, c.generated]), [
    ['id', false, null, false], ['c', true, 'utf8mb4_bin', false], ['g', true, null, true], ['s', true, null, true], ['u', true, null, false],
  ]);
  assert.deepEqual(layout.keyColumns, []);
});

test('key: primary key in index order, else a unique key of NOT NULL columns, else any unique key', () => {
  const cols = [column('a', { null: 'NO' }), column('b', { null: 'NO' }), column('n')];
  assert.deepEqual(tableLayoutOf(table(cols, [index('PRIMARY', 'b', 2), index('PRIMARY', 'a', 1), index('u', 'n')])).keyColumns, ['a', 'b']);
  assert.deepEqual(tableLayoutOf(table(cols, [index('un', 'n'), index('ub', 'b'), index('k', 'a', 1, 1)])).keyColumns, ['b']);
  assert.deepEqual(tableLayoutOf(table(cols, [index('un', 'n'), index('k', 'a', 1, 1)])).keyColumns, ['n']);
  assert.deepEqual(tableLayoutOf(table(cols, [index('k', 'a', 1, 1)])).keyColumns, []);
});

test('a table created in this batch (keys only on its columns) still has its primary key', () => {
  assert.deepEqual(tableLayoutOf(table([column('id', { key: 'PRI', null: 'NO' }), column('x')], [])).keyColumns, ['id']);
});
