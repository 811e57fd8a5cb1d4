// Existence checks of ALTER TABLE / CREATE INDEX / DROP INDEX (docs/audit.md): the actions are
// replayed in order over the table's column and index names, so `ADD c, DROP c` in one statement is fine and
// `DROP c, DROP c` is not. Pure; the rules pick the findings of their code.

import type { AlterAction } from '../sql/alter-actions.js';
import type { TableInfo } from './snapshot.js';

/** One finding: what to report, and the 0-based action (spec) that raised it, for message order. */
export interface AlterFinding {
  at: number;
  name: string;
}

export interface AlterFindings {
  /** `table.col` added (or renamed to) while it exists. */
  columnExisted: AlterFinding[];
  /** `table.col` dropped/modified/changed/defaulted/indexed/AFTER while missing. */
  columnNotExisted: AlterFinding[];
  /** `table.index` dropped or renamed while missing. */
  cantDrop: AlterFinding[];
  /** Index names added while the table has them (ER_DUP_INDEX). */
  dupIndex: AlterFinding[];
  /** RENAME INDEX target names that exist (ER_DUP_KEYNAME). */
  dupKeyName: AlterFinding[];
}

export function alterFindings(table: TableInfo, actions: readonly AlterAction[]): AlterFindings {
  const f: AlterFindings = { columnExisted: [], columnNotExisted: [], cantDrop: [], dupIndex: [], dupKeyName: [] };
  const columns = new Set(table.columns.map((c) => c.field.toLowerCase()));
  const indexes = new Set(table.indexes.map((i) => i.keyName.toLowerCase()));
  const t = table.name;
  const has = (c: string) => columns.has(c.toLowerCase());
  let at = 0;
  const push = (list: AlterFinding[], name: string) => list.push({ at, name });
  const missing = (c: string) => {
    if (!has(c)) push(f.columnNotExisted, `${t}.${c}`);
    return !has(c);
  };
  for (const [i, a] of actions.entries()) {
    at = i;
    switch (a.op) {
      case 'add_column':
        for (const c of a.columns) {
          if (has(c.name)) push(f.columnExisted, `${t}.${c.name}`);
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
          if (has(to)) push(f.columnExisted, `${t}.${to}`);
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
        // A FOREIGN KEY gets the foreign-key checks, not the index checks (its name may be an index MariaDB made).
        if (name !== null && a.index.kind !== 'foreign' && indexes.has(name.toLowerCase())) push(f.dupIndex, name);
        for (const c of a.index.columns) missing(c);
        indexes.add((name ?? a.index.columns[0] ?? '').toLowerCase());
        break;
      }
      case 'drop_index':
        if (!indexes.delete(a.name.toLowerCase())) push(f.cantDrop, `${t}.${a.name}`);
        break;
      case 'drop_primary_key':
        if (!indexes.delete('primary')) push(f.cantDrop, `${t}.PRIMARY`);
        break;
      case 'rename_index':
        if (!indexes.has(a.from.toLowerCase())) push(f.cantDrop, `${t}.${a.from}`);
        else if (a.to.toLowerCase() !== a.from.toLowerCase() && indexes.has(a.to.toLowerCase())) push(f.dupKeyName, a.to);
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
