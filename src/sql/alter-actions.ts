// ALTER TABLE specs as one normalised list of column/index changes, read from the DDL model (docs/parsing.md); the
// node-sql-parser path remains for an ALTER only that parser read. Rules and the snapshot read these.

import {
  alterSpecsOf,
  columnDefinitionOf,
  columnDefinitionOfModel,
  columnRefOf,
  createIndexOf,
  dropIndexOf,
  identText,
  indexDefinitionOf,
  indexDefinitionOfModel,
  tableName,
  type ColumnDefinition,
  type IndexDefinition,
  type TableName,
} from './ast.js';
import type { AlterSpec } from './ddl/model.js';
import type { ParsedStatement } from './statement.js';

export type AlterAction =
  /** `first`: the FIRST position (`after` is then null); neither: the end (ADD) or where it was (MODIFY/CHANGE). */
  | { op: 'add_column'; columns: ColumnDefinition[]; after: string | null; first: boolean }
  | { op: 'drop_column'; column: string }
  | { op: 'modify_column'; column: ColumnDefinition; after: string | null; first: boolean }
  | { op: 'change_column'; old: string; column: ColumnDefinition; after: string | null; first: boolean }
  | { op: 'rename_column'; old: string; to: string }
  /** ALTER COLUMN c SET DEFAULT v (`drop` false) / DROP DEFAULT (`drop` true). */
  | { op: 'column_default'; column: string; value: string | null; drop: boolean }
  | { op: 'add_index'; index: IndexDefinition }
  | { op: 'drop_index'; name: string }
  | { op: 'drop_primary_key' }
  | { op: 'drop_foreign_key'; name: string }
  | { op: 'rename_index'; from: string; to: string }
  | { op: 'rename_table'; to: TableName }
  /** Table options, partitions, ALGORITHM/LOCK … and anything not read: no column/index effect. */
  | { op: 'other'; text: string };

type Node = Record<string, unknown>;

const cache = new WeakMap<ParsedStatement, AlterAction[]>();

/** The statement's ALTER TABLE actions in order (empty for other kinds). Cached per statement. */
export function alterActionsOf(stmt: ParsedStatement): AlterAction[] {
  if (stmt.kind !== 'alter_table') return [];
  const known = cache.get(stmt);
  if (known) return known;
  const ddl = stmt.ddl;
  const actions = ddl?.type === 'alter_table' ? ddl.specs.map(actionOfModel) : alterSpecsOf(stmt).map(actionOfSpec);
  cache.set(stmt, actions);
  return actions;
}

function afterOf(spec: Node): string | null {
  const suffix = spec.suffix as Node | undefined;
  if (!suffix || typeof suffix !== 'object' || Array.isArray(suffix)) return null;
  return String(suffix.keyword ?? '').toLowerCase() === 'after' ? (columnRefOf(suffix.expr)?.column ?? null) : null;
}

function firstOf(spec: Node): boolean {
  const suffix = spec.suffix as Node | undefined;
  if (!suffix || typeof suffix !== 'object' || Array.isArray(suffix)) return false;
  return String(suffix.keyword ?? '').toLowerCase() === 'first';
}

/** One parser spec node → action. */
export function actionOfSpec(spec: Node): AlterAction {
  const action = String(spec.action ?? '').toLowerCase();
  const resource = String(spec.resource ?? '').toLowerCase();
  const keyword = String(spec.keyword ?? '').toLowerCase();
  const other: AlterAction = { op: 'other', text: '' };
  if (resource === 'column') {
    const def = columnDefinitionOf(spec);
    if (action === 'add' && def) return { op: 'add_column', columns: [def], after: afterOf(spec), first: firstOf(spec) };
    if (action === 'modify' && def) return { op: 'modify_column', column: def, after: afterOf(spec), first: firstOf(spec) };
    const old = columnRefOf(spec.old_column)?.column;
    if (action === 'change' && def && old) return { op: 'change_column', old, column: def, after: afterOf(spec), first: firstOf(spec) };
    const name = columnRefOf(spec.column)?.column;
    if (action === 'drop' && name) return { op: 'drop_column', column: name };
    if (action === 'rename' && old && name) return { op: 'rename_column', old, to: name };
    return other;
  }
  if ((resource === 'index' || resource === 'constraint') && action === 'add') {
    const index = indexDefinitionOf(spec);
    return index ? { op: 'add_index', index } : other;
  }
  if (resource === 'index' && action === 'drop') {
    const name = identText(spec.index);
    return name ? { op: 'drop_index', name } : other;
  }
  if (resource === 'key' && action === 'drop') {
    if (keyword.startsWith('primary')) return { op: 'drop_primary_key' };
    const name = identText(spec.key);
    if (!name) return other;
    return keyword.startsWith('foreign') ? { op: 'drop_foreign_key', name } : { op: 'drop_index', name };
  }
  if (resource === 'table' && action === 'rename') {
    const target = spec.table;
    if (typeof target === 'string') return { op: 'rename_table', to: { db: null, name: target, alias: null } };
    const o = target as { db?: string | null; table?: string } | null;
    if (o && typeof o === 'object' && o.table) return { op: 'rename_table', to: { db: o.db ?? null, name: o.table, alias: null } };
  }
  return other;
}

/** One model spec → action. */
function actionOfModel(spec: AlterSpec): AlterAction {
  const after = (p: { first: true } | { after: string } | null): string | null => (p && 'after' in p ? p.after : null);
  const first = (p: { first: true } | { after: string } | null): boolean => p !== null && 'first' in p;
  switch (spec.op) {
    case 'add_column':
      return { op: 'add_column', columns: spec.columns.map(columnDefinitionOfModel), after: after(spec.position), first: first(spec.position) };
    case 'drop_column':
      return { op: 'drop_column', column: spec.column };
    case 'modify_column':
      return { op: 'modify_column', column: columnDefinitionOfModel(spec.column), after: after(spec.position), first: first(spec.position) };
    case 'change_column':
      return { op: 'change_column', old: spec.old, column: columnDefinitionOfModel(spec.column), after: after(spec.position), first: first(spec.position) };
    case 'rename_column':
      return { op: 'rename_column', old: spec.old, to: spec.to };
    case 'alter_column_default':
      return { op: 'column_default', column: spec.column, value: spec.default?.value ?? null, drop: spec.default === null };
    case 'add_index': {
      const index = indexDefinitionOfModel(spec.index);
      return index ? { op: 'add_index', index } : { op: 'other', text: spec.text };
    }
    case 'drop_index':
      return { op: 'drop_index', name: spec.name };
    case 'drop_primary_key':
      return { op: 'drop_primary_key' };
    case 'drop_foreign_key':
      return { op: 'drop_foreign_key', name: spec.name };
    case 'rename_index':
      return { op: 'rename_index', from: spec.from, to: spec.to };
    case 'rename_table':
      return { op: 'rename_table', to: tableName(spec.to) };
    default:
      return { op: 'other', text: spec.text };
  }
}

/**
 * The table changes of ALTER TABLE, CREATE INDEX (one `add_index`) and DROP INDEX (one `drop_index`), so index
 * statements share the ALTER checks and snapshot effects.
 */
export function tableChangesOf(stmt: ParsedStatement): AlterAction[] {
  if (stmt.kind === 'alter_table') return alterActionsOf(stmt);
  if (stmt.kind === 'create_index') {
    const ci = createIndexOf(stmt);
    return ci ? [{ op: 'add_index', index: ci.index }] : [];
  }
  if (stmt.kind === 'drop_index') {
    const di = dropIndexOf(stmt);
    return di ? [{ op: 'drop_index', name: di.name }] : [];
  }
  return [];
}
