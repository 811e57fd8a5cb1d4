// The audit snapshot's view of a table → the layout the binlog side decodes row images with (backup/types.ts).

import type { TableInfo } from '../audit/snapshot.js';
import type { TableLayout } from './types.js';

export function tableLayoutOf(info: TableInfo): TableLayout {
  const columns = info.columns.map((c) => ({
    name: c.field,
    columnType: c.type,
    collation: c.collation,
    nullable: c.null !== 'NO',
    generated: /\b(VIRTUAL|STORED|PERSISTENT)\b/i.test(c.extra) || /GENERATED/i.test(c.extra),
  }));
  return { db: info.db, name: info.name, columns, keyColumns: keyColumnsOf(info, columns) };
}

/** The primary key, else a unique key whose columns are all NOT NULL, else a unique key, else none. */
function keyColumnsOf(info: TableInfo, columns: TableLayout['columns']): string[] {
  const byIndex = new Map<string, { unique: boolean; columns: string[] }>();
  for (const ix of [...info.indexes].sort((a, b) => a.seqInIndex - b.seqInIndex)) {
    if (ix.nonUnique !== 0) continue;
    const entry = byIndex.get(ix.keyName) ?? { unique: true, columns: [] };
    entry.columns.push(ix.columnName);
    byIndex.set(ix.keyName, entry);
  }
  const primary = byIndex.get('PRIMARY');
  if (primary) return primary.columns;
  const nullable = new Map(columns.map((c) => [c.name.toLowerCase(), c.nullable]));
  const uniques = [...byIndex.values()].map((e) => e.columns);
  const notNull = uniques.find((cols) => cols.every((c) => nullable.get(c.toLowerCase()) === false));
  if (notNull) return notNull;
  if (uniques[0]) return uniques[0];
  // Tables created in this batch carry keys on the columns only (no SHOW INDEX rows yet).
  const pri = info.columns.filter((c) => c.key === 'PRI').map((c) => c.field);
  if (pri.length > 0) return pri;
  return info.columns.filter((c) => c.key === 'UNI').slice(0, 1).map((c) => c.field);
}
