// How each DDL of the batch changes the snapshot (docs/audit.md). Run after a statement's rules
// unless a rule stopped it (e.g. the table already exists).

import { tableChangesOf, type AlterAction } from '../sql/alter-actions.js';
import { createTableOf, databaseNameOf, hasIfNotExists, renamePairsOf, tablesOf, viewColumnsOf } from '../sql/ast.js';
import type { ParsedStatement } from '../sql/statement.js';
import { analyseQuery } from './resolver.js';
import type { ColumnInfo, SchemaSnapshot, TableInfo } from './snapshot.js';
import { autoIndexName, columnInfoOf, indexRowsOf, tableFromCreate } from './table-from-ddl.js';

export async function applySnapshotEffects(
  stmt: ParsedStatement,
  snapshot: SchemaSnapshot,
  dbOf: (ref: { db: string | null }) => string | null,
): Promise<void> {
  switch (stmt.kind) {
    case 'create_database': {
      const db = databaseNameOf(stmt);
      if (db !== null && !(await snapshot.databaseExists(db))) snapshot.createDatabase(db);
      return;
    }
    case 'drop_database': {
      const db = databaseNameOf(stmt);
      if (db !== null) snapshot.dropDatabase(db);
      return;
    }
    case 'create_table': {
      const shape = createTableOf(stmt);
      const db = shape?.table ? dbOf(shape.table) : null;
      if (!shape?.table || db === null) return;
      if (hasIfNotExists(stmt) && (await snapshot.table(db, shape.table.name))) return;
      if (shape.like) {
        const likeDb = dbOf(shape.like);
        const source = likeDb === null ? null : await snapshot.table(likeDb, shape.like.name);
        if (source) snapshot.putTable({ ...source, db, name: shape.table.name, isNew: true, hasNewColumns: false });
        return;
      }
      snapshot.putTable(tableFromCreate(shape, db, shape.table.name));
      return;
    }
    case 'create_view': {
      const [view] = tablesOf(stmt);
      const db = view ? dbOf(view) : null;
      if (!view || db === null) return;
      const lookup = { dbOf, table: (ref: { db: string | null; name: string }) => {
        const refDb = dbOf(ref);
        return refDb === null ? Promise.resolve(null) : snapshot.table(refDb, ref.name);
      } };
      const columns = viewColumnsOf(stmt) ?? (await analyseQuery(stmt, lookup)).outputNames ?? [];
      snapshot.putTable({
        db,
        name: view.name,
        columns: columns.map((field) => ({ field, type: '', collation: null, null: '', key: '', default: null, extra: '', comment: '' })),
        indexes: [],
        isNew: true,
        hasNewColumns: false,
        isView: true,
      });
      return;
    }
    case 'drop_table':
    case 'drop_view':
      for (const t of tablesOf(stmt)) {
        const db = dbOf(t);
        if (db !== null) snapshot.dropTable(db, t.name);
      }
      return;
    case 'rename_table':
      // Pairs apply in order; a pair whose source is missing or whose target exists changes nothing.
      for (const { from, to } of renamePairsOf(stmt)) {
        const fromDb = dbOf(from);
        const toDb = dbOf(to);
        if (fromDb === null || toDb === null) continue;
        if (!(await snapshot.table(fromDb, from.name)) || (await snapshot.table(toDb, to.name))) continue;
        await snapshot.renameTable({ db: fromDb, name: from.name }, { db: toDb, name: to.name });
      }
      return;
    case 'alter_table':
    case 'create_index':
    case 'drop_index':
      await applyTableChanges(stmt, snapshot, dbOf);
      return;
    default:
      return;
  }
}

/**
 * Column and index changes of ALTER TABLE / CREATE INDEX / DROP INDEX, whether the parser or our recogniser read
 * the statement. Column changes make a new table value (flagged hasNewColumns); index-only changes too, since
 * tables are immutable values (rows audited earlier keep their layout either way).
 */
async function applyTableChanges(
  stmt: ParsedStatement,
  snapshot: SchemaSnapshot,
  dbOf: (ref: { db: string | null }) => string | null,
): Promise<void> {
  const [ref] = tablesOf(stmt);
  const db = ref ? dbOf(ref) : null;
  if (!ref || db === null) return;
  const before = await snapshot.table(db, ref.name);
  if (!before) return;
  const { table, renameTo } = applyActions(before, tableChangesOf(stmt));
  snapshot.putTable(table);
  if (renameTo && !(await snapshot.table(renameTo.db ?? db, renameTo.name))) {
    await snapshot.renameTable({ db, name: ref.name }, { db: renameTo.db ?? db, name: renameTo.name });
  }
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Pure: the table after the actions, and the RENAME target if any. */
export function applyActions(
  before: TableInfo,
  actions: readonly AlterAction[],
): { table: TableInfo; renameTo: { db: string | null; name: string } | null } {
  let t: TableInfo = { ...before, columns: [...before.columns], indexes: [...before.indexes] };
  let columnsChanged = false;
  let renameTo: { db: string | null; name: string } | null = null;
  // The column lands where the server puts it: FIRST, right after `after`, else at the end. Later statements of the
  // batch (and the backup's column names when the binlog carries none, docs/binlog.md) read this order.
  const place = (columns: ColumnInfo[], col: ColumnInfo, first: boolean, after: string | null): ColumnInfo[] => {
    if (first) return [col, ...columns];
    if (after === null) return [...columns, col];
    const at = columns.findIndex((c) => sameName(c.field, after));
    return at < 0 ? [...columns, col] : [...columns.slice(0, at + 1), col, ...columns.slice(at + 1)];
  };
  for (const a of actions) {
    switch (a.op) {
      case 'add_column': {
        // Several columns with one position (a list) keep their order there: each goes after the one before.
        let first = a.first;
        let after = a.after;
        for (const def of a.columns) {
          if (t.columns.some((c) => sameName(c.field, def.name))) continue;
          t = { ...t, columns: place(t.columns as ColumnInfo[], columnInfoOf(def, false, false), first, after) };
          if (first || after !== null) {
            first = false;
            after = def.name;
          }
          if (def.primaryKey || def.unique) {
            const kind = def.primaryKey ? 'primary' : 'unique';
            t = { ...t, indexes: [...t.indexes, ...indexRowsOf({ kind, name: null, columns: [def.name] }, autoIndexName(t.indexes, def.name))] };
          }
        }
        columnsChanged = true;
        break;
      }
      case 'drop_column':
        t = {
          ...t,
          columns: t.columns.filter((c) => !sameName(c.field, a.column)),
          indexes: t.indexes.filter((i) => !sameName(i.columnName, a.column)),
        };
        columnsChanged = true;
        break;
      case 'modify_column':
      case 'change_column': {
        const old = a.op === 'change_column' ? a.old : a.column.name;
        const current = t.columns.find((c) => sameName(c.field, old));
        // A failed action (missing column, new name taken) changes nothing, as in goInception's per-spec checks.
        if (!current || (!sameName(old, a.column.name) && t.columns.some((c) => sameName(c.field, a.column.name)))) break;
        const next: ColumnInfo = { ...columnInfoOf(a.column, current.key === 'PRI', current.key === 'UNI'), key: current.key };
        const rest = t.columns.filter((c) => c !== current);
        t = {
          ...t,
          columns: a.first || a.after !== null ? place(rest, next, a.first, a.after) : t.columns.map((c) => (c === current ? next : c)),
          indexes: t.indexes.map((i) => (sameName(i.columnName, old) ? { ...i, columnName: a.column.name } : i)),
        };
        columnsChanged = true;
        break;
      }
      case 'rename_column':
        if (!sameName(a.old, a.to) && t.columns.some((c) => sameName(c.field, a.to))) break;
        t = {
          ...t,
          columns: t.columns.map((c) => (sameName(c.field, a.old) ? { ...c, field: a.to } : c)),
          indexes: t.indexes.map((i) => (sameName(i.columnName, a.old) ? { ...i, columnName: a.to } : i)),
        };
        columnsChanged = true;
        break;
      case 'column_default':
        t = { ...t, columns: t.columns.map((c) => (sameName(c.field, a.column) ? { ...c, default: a.drop ? null : a.value } : c)) };
        break;
      case 'add_index':
        if (a.index.kind === 'foreign') break;
        if (t.indexes.some((i) => sameName(i.keyName, a.index.kind === 'primary' ? 'PRIMARY' : (a.index.name ?? '\u0000')))) break;
        t = { ...t, indexes: [...t.indexes, ...indexRowsOf(a.index, autoIndexName(t.indexes, a.index.columns[0] ?? 'idx'))] };
        if (a.index.kind === 'primary') {
          const pk = new Set(a.index.columns.map((c) => c.toLowerCase()));
          t = { ...t, columns: t.columns.map((c) => (pk.has(c.field.toLowerCase()) ? { ...c, key: 'PRI', null: 'NO' } : c)) };
        }
        break;
      case 'drop_index':
        t = { ...t, indexes: t.indexes.filter((i) => !sameName(i.keyName, a.name)) };
        break;
      case 'drop_primary_key':
        t = {
          ...t,
          indexes: t.indexes.filter((i) => i.keyName !== 'PRIMARY'),
          columns: t.columns.map((c) => (c.key === 'PRI' ? { ...c, key: '' } : c)),
        };
        break;
      case 'rename_index':
        if (!sameName(a.from, a.to) && t.indexes.some((i) => sameName(i.keyName, a.to))) break;
        t = { ...t, indexes: t.indexes.map((i) => (sameName(i.keyName, a.from) ? { ...i, keyName: a.to } : i)) };
        break;
      case 'rename_table':
        renameTo = { db: a.to.db, name: a.to.name };
        break;
      default:
        break;
    }
  }
  if (columnsChanged) t = { ...t, hasNewColumns: true };
  return { table: t, renameTo };
}
