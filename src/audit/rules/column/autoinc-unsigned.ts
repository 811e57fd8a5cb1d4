// enable_autoincrement_unsigned (goInception's name for turning the check on): an auto_increment column must be
// UNSIGNED (arg table) (docs/audit.md "Field rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_AUTOINC_UNSIGNED,
  on: ['create_table', 'alter_table'],
  gate: (inc) => inc.enable_autoincrement_unsigned,
  async check(_stmt, ctx) {
    for (const w of await ctx.facts.columnWrites()) if (w.column.autoIncrement && !w.column.unsigned) ctx.reportAt(w.at, w.table);
  },
});
