// MODIFY / CHANGE COLUMN written `db.t.c` whose schema is not the table's (case-insensitive): ER_WRONG_DB_NAME
// with the qualifier as written, and the column is not checked further (facts.skippedSpecs; docs/audit.md
// "Table rules").
import { Code } from '../../../codes/catalogue.js';
import { alterQualifierMismatch } from '../../facts.js';
import { defineRule } from '../../rule.js';
import { alterActionsOf } from '../../../sql/alter-actions.js';

export default defineRule({
  code: Code.ER_WRONG_DB_NAME,
  on: ['alter_table'],
  async check(stmt, ctx) {
    const table = await ctx.facts.target();
    if (!table) return;
    alterActionsOf(stmt).forEach((a, at) => {
      if ((a.op === 'modify_column' || a.op === 'change_column') && alterQualifierMismatch(table, a.column) === 'db') ctx.reportAt(at, a.column.model?.qualifier?.db);
    });
  },
});
