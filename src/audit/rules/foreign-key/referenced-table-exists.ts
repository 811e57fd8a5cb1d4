// enable_foreign_key: a FOREIGN KEY referencing a table that does not exist as the batch sees it (arg db.table)
// (docs/audit.md "Foreign-key rules").
import { Code } from '../../../codes/catalogue.js';
import { statementKeys } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_TABLE_NOT_EXISTED_ERROR,
  on: ['create_table', 'alter_table'],
  gate: (inc) => inc.enable_foreign_key,
  async check(stmt, ctx) {
    for (const fk of (await statementKeys(stmt, ctx))?.foreignKeys ?? []) {
      const ref = fk.def.references;
      if (!ref) continue;
      const self = ref.table.name.toLowerCase() === fk.table.toLowerCase() && (ref.table.db === null || ref.table.db.toLowerCase() === fk.db.toLowerCase());
      if (!self && !(await ctx.table(ref.table))) ctx.reportAt(fk.at, `${ctx.dbOf(ref.table)}.${ref.table.name}`);
    }
  },
});
