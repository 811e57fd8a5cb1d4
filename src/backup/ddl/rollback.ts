// Rollback statements of the DDL kinds that do not go through the before/after comparison (docs/backup.md
// "DDL rollback"): whole tables and views appearing, disappearing or being renamed. Pure.

import { quoteName } from './show-create.js';

export interface TableRef {
  db: string;
  name: string;
}

const qualified = (t: TableRef) => `${quoteName(t.db)}.${quoteName(t.name)}`;

/** CREATE TABLE: DROP it — unless it already existed (`IF NOT EXISTS` did nothing), then nothing to undo. */
export function createTableRollback(table: TableRef, existedBefore: boolean): string[] {
  return existedBefore ? [] : [`DROP TABLE ${qualified(table)};`];
}

/** CREATE [OR REPLACE] VIEW: DROP it, or put the replaced definition back. */
export function createViewRollback(view: TableRef, oldCreateView: string | null): string[] {
  if (oldCreateView === null) return [`DROP VIEW ${qualified(view)};`];
  return [qualifyView(oldCreateView, view).replace(/^CREATE /, 'CREATE OR REPLACE ') + ';'];
}

/** DROP TABLE a, b: every dropped table's old definition, qualified with its database. */
export function dropTableRollback(tables: readonly (TableRef & { createSql: string })[]): string[] {
  return tables.map((t) => t.createSql.replace(/^CREATE (TEMPORARY )?TABLE `(?:[^`]|``)*`/, (_m, tmp: string | undefined) => `CREATE ${tmp ?? ''}TABLE ${qualified(t)}`) + ';');
}

/** DROP VIEW a, b: every dropped view's old definition. */
export function dropViewRollback(views: readonly (TableRef & { createSql: string })[]): string[] {
  return views.map((v) => qualifyView(v.createSql, v) + ';');
}

/** RENAME TABLE a TO b, c TO d → RENAME TABLE d TO c, b TO a (the pairs undone in reverse order). */
export function renameTableRollback(pairs: readonly { from: TableRef; to: TableRef }[]): string[] {
  if (pairs.length === 0) return [];
  const undo = [...pairs].reverse().map((p) => `${qualified(p.to)} TO ${qualified(p.from)}`);
  return [`RENAME TABLE ${undo.join(', ')};`];
}

/** `SHOW CREATE VIEW` prints `… VIEW `v` AS …` without the database. */
function qualifyView(createView: string, view: TableRef): string {
  return createView.replace(/ VIEW `(?:[^`]|``)*` AS /, ` VIEW ${qualified(view)} AS `);
}
