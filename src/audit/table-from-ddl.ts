// Snapshot tables built from DDL text (docs/audit.md).

import { literalText, type ColumnDefinition, type CreateTableShape, type IndexDefinition } from '../sql/ast.js';
import type { ColumnInfo, IndexInfo, TableInfo } from './snapshot.js';

/** Canonical type text: `int(11)`, `varchar(20)`, `decimal(10,2)`, `bigint unsigned` … (lower case). */
export function typeText(col: ColumnDefinition): string {
  let t = col.dataType.toLowerCase();
  if (col.length !== null) t += col.scale !== null ? `(${col.length},${col.scale})` : `(${col.length})`;
  if (col.unsigned) t += ' unsigned';
  return t;
}

export function columnInfoOf(col: ColumnDefinition, primary: boolean, unique: boolean): ColumnInfo {
  const isPk = primary || col.primaryKey;
  return {
    field: col.name,
    type: typeText(col),
    collation: null,
    null: isPk || col.nullable === false ? 'NO' : col.nullable === true ? 'YES' : '',
    key: isPk ? 'PRI' : unique || col.unique ? 'UNI' : '',
    default: col.hasDefault ? literalText(col.defaultValue) : null,
    // As SHOW FULL FIELDS says it: generated columns are left out of column counts and of rollback INSERTs.
    extra: col.autoIncrement ? 'auto_increment' : col.model?.generated ? (col.model.generated.stored ? 'STORED GENERATED' : 'VIRTUAL GENERATED') : '',
    comment: col.comment ?? '',
  };
}

export function indexRowsOf(index: IndexDefinition, fallbackName: string): IndexInfo[] {
  const keyName = index.kind === 'primary' ? 'PRIMARY' : (index.name ?? fallbackName);
  return index.columns.map((columnName, i) => ({
    keyName,
    nonUnique: index.kind === 'primary' || index.kind === 'unique' ? 0 : 1,
    seqInIndex: i + 1,
    columnName,
    indexType: index.kind === 'fulltext' ? 'FULLTEXT' : index.kind === 'spatial' ? 'SPATIAL' : 'BTREE',
  }));
}

/** Unnamed indexes take their first column's name, then `_2`, `_3` … on clashes (MySQL's rule). */
export function autoIndexName(existing: readonly IndexInfo[], firstColumn: string): string {
  const names = new Set(existing.map((i) => i.keyName.toLowerCase()));
  if (!names.has(firstColumn.toLowerCase())) return firstColumn;
  for (let n = 2; ; n++) if (!names.has(`${firstColumn}_${n}`.toLowerCase())) return `${firstColumn}_${n}`;
}

export function tableFromCreate(shape: CreateTableShape, db: string, name: string): TableInfo {
  const pkColumns = new Set<string>();
  const uniqueSingles = new Set<string>();
  for (const ix of shape.indexes) {
    if (ix.kind === 'primary') ix.columns.forEach((c) => pkColumns.add(c.toLowerCase()));
    if (ix.kind === 'unique' && ix.columns.length === 1) uniqueSingles.add(ix.columns[0]!.toLowerCase());
  }
  const columns = shape.columns.map((c) =>
    columnInfoOf(c, pkColumns.has(c.name.toLowerCase()), uniqueSingles.has(c.name.toLowerCase())),
  );
  const indexes: IndexInfo[] = [];
  for (const c of shape.columns) {
    if (c.primaryKey) indexes.push(...indexRowsOf({ kind: 'primary', name: null, columns: [c.name] }, 'PRIMARY'));
  }
  for (const ix of shape.indexes) {
    if (ix.kind === 'foreign') continue;
    indexes.push(...indexRowsOf(ix, autoIndexName(indexes, ix.columns[0] ?? 'idx')));
  }
  for (const c of shape.columns) {
    if (c.unique && !c.primaryKey) {
      indexes.push(...indexRowsOf({ kind: 'unique', name: null, columns: [c.name] }, autoIndexName(indexes, c.name)));
    }
  }
  return { db, name, columns, indexes, isNew: true, hasNewColumns: false, isView: false };
}
