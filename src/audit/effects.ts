// How each DDL of the batch changes the snapshot (reference-behaviour §3.15). Run after a statement's rules
// unless a rule stopped it (e.g. the table already exists).

import {
  alterSpecsOf,
  columnDefinitionOf,
  columnRefOf,
  createTableOf,
  databaseNameOf,
  hasIfNotExists,
  indexDefinitionOf,
  renamePairsOf,
  tablesOf,
} from '../sql/ast.js';
import type { ParsedStatement } from '../sql/statement.js';
import type { SchemaSnapshot, TableInfo } from './snapshot.js';
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
      const columns = stmt.recognised?.form === 'create_view' ? (stmt.recognised.columns ?? []) : [];
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
      for (const { from, to } of renamePairsOf(stmt)) {
        const fromDb = dbOf(from);
        const toDb = dbOf(to);
        if (fromDb !== null && toDb !== null) await snapshot.renameTable({ db: fromDb, name: from.name }, { db: toDb, name: to.name });
      }
      return;
    case 'alter_table':
      await applyAlter(stmt, snapshot, dbOf);
      return;
    default:
      return;
  }
}

/** Column and index changes of the ALTER specs the parser understood; one new table value per statement. */
async function applyAlter(
  stmt: ParsedStatement,
  snapshot: SchemaSnapshot,
  dbOf: (ref: { db: string | null }) => string | null,
): Promise<void> {
  const [ref] = tablesOf(stmt);
  const db = ref ? dbOf(ref) : null;
  if (!ref || db === null) return;
  const before = await snapshot.table(db, ref.name);
  if (!before) return;
  let t: TableInfo = { ...before, columns: [...before.columns], indexes: [...before.indexes] };
  let columnsChanged = false;
  let renameTo: { db: string; name: string } | null = null;
  const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  for (const spec of alterSpecsOf(stmt)) {
    const action = String(spec.action ?? '');
    const resource = String(spec.resource ?? '');
    if (resource === 'column') {
      const def = columnDefinitionOf(spec);
      if (action === 'add' && def) {
        t = { ...t, columns: [...t.columns, columnInfoOf(def, false, false)] };
        columnsChanged = true;
      } else if (action === 'drop') {
        const name = columnRefOf(spec.column)?.column;
        if (name) {
          t = {
            ...t,
            columns: t.columns.filter((c) => !sameName(c.field, name)),
            indexes: t.indexes.filter((i) => !sameName(i.columnName, name)),
          };
          columnsChanged = true;
        }
      } else if ((action === 'modify' || action === 'change') && def) {
        const old = action === 'change' ? columnRefOf(spec.old_column)?.column : def.name;
        if (old) {
          t = {
            ...t,
            columns: t.columns.map((c) => (sameName(c.field, old) ? { ...columnInfoOf(def, c.key === 'PRI', c.key === 'UNI'), key: c.key } : c)),
            indexes: t.indexes.map((i) => (sameName(i.columnName, old) ? { ...i, columnName: def.name } : i)),
          };
          columnsChanged = true;
        }
      }
    } else if ((resource === 'index' || resource === 'constraint') && action === 'add') {
      const ix = indexDefinitionOf(spec);
      if (ix && ix.kind !== 'foreign') {
        t = { ...t, indexes: [...t.indexes, ...indexRowsOf(ix, autoIndexName(t.indexes, ix.columns[0] ?? 'idx'))] };
      }
    } else if (resource === 'index' && action === 'drop') {
      const name = typeof spec.index === 'string' ? spec.index : null;
      if (name) t = { ...t, indexes: t.indexes.filter((i) => !sameName(i.keyName, name)) };
    } else if (resource === 'key' && action === 'drop') {
      t = { ...t, indexes: t.indexes.filter((i) => i.keyName !== 'PRIMARY') };
    } else if (resource === 'table' && action === 'rename') {
      const target = spec.table;
      if (typeof target === 'string') renameTo = { db, name: target };
      else if (target && typeof target === 'object') {
        const o = target as { db?: string | null; table?: string };
        if (o.table) renameTo = { db: o.db ?? db, name: o.table };
      }
    }
  }
  if (columnsChanged) t = { ...t, hasNewColumns: true };
  snapshot.putTable(t);
  if (renameTo) await snapshot.renameTable({ db, name: ref.name }, renameTo);
}
