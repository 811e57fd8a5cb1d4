// Rollback statements from row images (docs/binlog.md, "Statements"): INSERT → DELETE, DELETE → INSERT,
// UPDATE → UPDATE with the images swapped. Rows arrive as arrays of rendered literals (literal.ts), one per
// column in table order, null for SQL NULL. Pure.

import type { TableLayout } from '../types.js';
import { quoteIdentifier } from './literal.js';

/** A table's layout prepared once for building many statements. */
export interface RollbackTable {
  /** `db`.`t` */
  qualified: string;
  /** Quoted column names in table order. */
  names: string[];
  /** Indexes of the columns a rollback may write (generated columns are computed by the server). */
  writable: number[];
  /** Indexes of the columns in WHERE clauses: the key, else every non-generated column. */
  where: number[];
  /** The key has nullable columns: a row whose key holds a NULL is matched on every non-generated column. */
  keyNullable: boolean;
  /** `INSERT INTO `db`.`t`(`a`,`b`) VALUES(` prefix. */
  insertPrefix: string;
  /**
   * ` LIMIT 1` when the WHERE columns may match more than one row (no key, or a key with nullable columns), so each
   * statement changes exactly the one row its binlog row changed; '' otherwise.
   */
  limit: string;
}

export function rollbackTableOf(layout: TableLayout): RollbackTable {
  const names = layout.columns.map((c) => quoteIdentifier(c.name));
  const writable: number[] = [];
  layout.columns.forEach((c, i) => {
    if (!c.generated) writable.push(i);
  });
  const indexOf = new Map(layout.columns.map((c, i) => [c.name.toLowerCase(), i]));
  const keyIndexes = layout.keyColumns.map((k) => indexOf.get(k.toLowerCase()));
  const keyed = keyIndexes.length > 0 && keyIndexes.every((i) => i !== undefined);
  const where = keyed ? (keyIndexes as number[]) : writable;
  const keyNullable = keyed && where.some((i) => layout.columns[i].nullable);
  const qualified = `${quoteIdentifier(layout.db)}.${quoteIdentifier(layout.name)}`;
  return {
    qualified,
    names,
    writable,
    where,
    keyNullable,
    insertPrefix: `INSERT INTO ${qualified}(${writable.map((i) => names[i]).join(',')}) VALUES(`,
    limit: keyed && !keyNullable ? '' : ' LIMIT 1',
  };
}

export type RowLiterals = readonly (string | null)[];

function whereOf(table: RollbackTable, row: RowLiterals): string {
  let out = '';
  const columns = table.keyNullable && table.where.some((i) => row[i] === null) ? table.writable : table.where;
  for (let n = 0; n < columns.length; n++) {
    const i = columns[n];
    const v = row[i];
    if (n > 0) out += ' AND ';
    out += v === null ? `${table.names[i]} IS NULL` : `${table.names[i]}=${v}`;
  }
  return out;
}

/** Rollback of an inserted row. */
export function deleteStatement(table: RollbackTable, inserted: RowLiterals): string {
  return `DELETE FROM ${table.qualified} WHERE ${whereOf(table, inserted)}${table.limit};`;
}

/** Rollback of a deleted row. */
export function insertStatement(table: RollbackTable, deleted: RowLiterals): string {
  let values = '';
  for (let n = 0; n < table.writable.length; n++) {
    const v = deleted[table.writable[n]];
    values += n > 0 ? ',' : '';
    values += v === null ? 'NULL' : v;
  }
  return `${table.insertPrefix}${values});`;
}

/**
 * Rollback of an updated row: SET the before image, WHERE the after image. With `minimal`, SET lists only the
 * columns whose value changed; null when nothing changed then (nothing to roll back).
 */
export function updateStatement(table: RollbackTable, before: RowLiterals, after: RowLiterals, minimal: boolean): string | null {
  let set = '';
  for (let n = 0; n < table.writable.length; n++) {
    const i = table.writable[n];
    const v = before[i];
    if (minimal && v === after[i]) continue;
    if (set) set += ', ';
    set += `${table.names[i]}=${v === null ? 'NULL' : v}`;
  }
  if (!set) return null;
  return `UPDATE ${table.qualified} SET ${set} WHERE ${whereOf(table, after)}${table.limit};`;
}
