// Case-insensitive column and index lookups on a snapshot table, built once per TableInfo value. Tables are
// immutable (a changing DDL makes a new value), so the cache can never go stale; a batch of 10k INSERTs into
// one table builds it once.

import type { ColumnInfo, IndexInfo, TableInfo } from './snapshot.js';

const columnMaps = new WeakMap<TableInfo, Map<string, ColumnInfo>>();
const indexNames = new WeakMap<TableInfo, Set<string>>();

/** Lower-cased column name → column. */
export function columnMap(table: TableInfo): ReadonlyMap<string, ColumnInfo> {
  let m = columnMaps.get(table);
  if (!m) {
    m = new Map(table.columns.map((c) => [c.field.toLowerCase(), c]));
    columnMaps.set(table, m);
  }
  return m;
}

export function columnOf(table: TableInfo, name: string): ColumnInfo | undefined {
  return columnMap(table).get(name.toLowerCase());
}

export function hasColumn(table: TableInfo, name: string): boolean {
  return columnMap(table).has(name.toLowerCase());
}

/** Lower-cased index names (PRIMARY included). */
export function indexNameSet(table: TableInfo): ReadonlySet<string> {
  let s = indexNames.get(table);
  if (!s) {
    s = new Set(table.indexes.map((i: IndexInfo) => i.keyName.toLowerCase()));
    indexNames.set(table, s);
  }
  return s;
}

export function hasIndex(table: TableInfo, name: string): boolean {
  return indexNameSet(table).has(name.toLowerCase());
}
