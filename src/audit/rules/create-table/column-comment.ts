// check_column_comment: every column definition needs a non-empty COMMENT (docs/audit.md, code 59).
import { Code } from '../../catalogue.js';
import { defineRule, flag } from '../../rule.js';
import { createTableOf } from '../../../sql/ast.js';

export default defineRule({
  code: Code.ER_COLUMN_HAVE_NO_COMMENT,
  on: ['create_table'],
  gate: (inc) => flag(inc, 'check_column_comment'),
  check(stmt, ctx) {
    const shape = createTableOf(stmt);
    if (!shape?.table) return;
    for (const c of shape.columns) if (!c.comment) ctx.report(c.name, shape.table.name);
  },
});
