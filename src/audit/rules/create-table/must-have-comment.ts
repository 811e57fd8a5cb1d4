// check_table_comment: CREATE TABLE (not LIKE / AS SELECT) needs a non-empty table COMMENT (docs/audit.md, code 58).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_TABLE_MUST_HAVE_COMMENT,
  on: ['create_table'],
  gate: (inc) => inc.check_table_comment,
  check(_stmt, ctx) {
    const shape = ctx.facts.createTable;
    if (!shape?.table || shape.like || shape.asSelect) return;
    if (!shape.comment) ctx.report(shape.table.name);
  },
});
