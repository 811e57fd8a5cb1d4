// Existence checks of ALTER TABLE / CREATE INDEX / DROP INDEX (docs/audit.md): the actions are
// replayed in order over the table's column and index names, so `ADD c, DROP c` in one statement is fine and
// `DROP c, DROP c` is not. Pure; the rules pick the findings of their code.

import type { AlterAction } from '../sql/alter-actions.js';
import type { TableInfo } from './snapshot.js';

export interface AlterFindings {
  /** `table.col` added (or renamed to) while it exists. */
  columnExisted: string[];
  /** `table.col` dropped/modified/changed/defaulted/indexed/AFTER while missing. */
  columnNotExisted: string[];
  /** `table.index` dropped or renamed while missing. */
  cantDrop: string[];
  /** Index names added while the table has them (ER_DUP_INDEX). */
  dupIndex: string[];
  /** RENAME INDEX target names that exist (ER_DUP_KEYNAME). */
  dupKeyName: string[];
}

export function alterFindings(table: TableInfo, actions: readonly AlterAction[]): AlterFindings {
  const f: AlterFindings = { columnExisted: [], columnNotExisted: [], cantDrop: [], dupIndex: [], dupKeyName: [] };
  const columns = new Set(table.columns.map((c) => c.field.toLowerCase()));
  const indexes = new Set(table.indexes.map((i) => i.keyName.toLowerCase()));
  const t = table.name;
  const has = (c: string) => columns.has(c.toLowerCase());
  const missing = (c: string) => {
    if (!has(c)) f.columnNotExisted.push(`${t}.${c}`);
    return !has(c);
  };
  for (const a of actions) {
    switch (a.op) {
      case 'add_column':
        for (const c of a.columns) {
          if (has(c.name)) f.columnExisted.push(`${t}.${c.name}`);
          else columns.add(c.name.toLowerCase());
        }
        if (a.after) missing(a.after);
        break;
      case 'drop_column':
        if (!missing(a.column)) columns.delete(a.column.toLowerCase());
        break;
      case 'modify_column':
        missing(a.column.name);
        if (a.after) missing(a.after);
        break;
      case 'change_column':
      case 'rename_column': {
        const to = a.op === 'change_column' ? a.column.name : a.to;
        if (missing(a.old)) break;
        if (to.toLowerCase() !== a.old.toLowerCase()) {
          if (has(to)) f.columnExisted.push(`${t}.${to}`);
          else {
            columns.delete(a.old.toLowerCase());
            columns.add(to.toLowerCase());
          }
        }
        if (a.op === 'change_column' && a.after) missing(a.after);
        break;
      }
      case 'column_default':
        missing(a.column);
        break;
      case 'add_index': {
        const name = a.index.kind === 'primary' ? 'PRIMARY' : a.index.name;
        if (name !== null && indexes.has(name.toLowerCase())) f.dupIndex.push(name);
        for (const c of a.index.columns) missing(c);
        indexes.add((name ?? a.index.columns[0] ?? '').toLowerCase());
        break;
      }
      case 'drop_index':
        if (!indexes.delete(a.name.toLowerCase())) f.cantDrop.push(`${t}.${a.name}`);
        break;
      case 'drop_primary_key':
        if (!indexes.delete('primary')) f.cantDrop.push(`${t}.PRIMARY`);
        break;
      case 'rename_index':
        if (!indexes.has(a.from.toLowerCase())) f.cantDrop.push(`${t}.${a.from}`);
        else if (a.to.toLowerCase() !== a.from.toLowerCase() && indexes.has(a.to.toLowerCase())) f.dupKeyName.push(a.to);
        else {
          indexes.delete(a.from.toLowerCase());
          indexes.add(a.to.toLowerCase());
        }
        break;
      default:
        break;
    }
  }
  return f;
}
