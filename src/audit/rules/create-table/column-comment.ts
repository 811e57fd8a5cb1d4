// check_column_comment: every column definition needs a non-empty COMMENT (§2.2 #59).
import { Code } from '../../catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_COLUMN_HAVE_NO_COMMENT,
  on: ['create_table'],
  gate: (inc) => inc.check_column_comment,
  check(_stmt, ctx) {
    const shape = ctx.facts.createTable;
    if (!shape?.table) return;
    shape.columns.forEach((c, i) => {
      if (!c.comment) ctx.reportAt(i, c.name, shape.table!.name);
    });
  },
});
