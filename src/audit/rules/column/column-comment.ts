// check_column_comment: every column definition (CREATE, ADD, MODIFY, CHANGE) needs a non-empty COMMENT
// (docs/audit.md "Field rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_COLUMN_HAVE_NO_COMMENT,
  on: ['create_table', 'alter_table'],
  gate: (inc) => inc.check_column_comment,
  async check(_stmt, ctx) {
    for (const w of await ctx.facts.columnWrites()) if (!w.column.comment) ctx.reportAt(w.at, w.column.name, w.table);
  },
});
