// check_autoincrement_name: an auto_increment column not named `id` (any case). goInception raises it while
// it builds the table's layout: for CREATE TABLE before the per-column checks (docs/audit.md "Field rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_AUTO_INCR_ID_WARNING,
  on: ['create_table', 'alter_table'],
  gate: (inc) => inc.check_autoincrement_name,
  async check(_stmt, ctx) {
    for (const w of await ctx.facts.columnWrites()) {
      if (!w.column.autoIncrement || w.column.name.toLowerCase() === 'id') continue;
      if (w.op === 'create') ctx.report(w.column.name);
      else ctx.reportAt(w.at, w.column.name);
    }
  },
});
