// table_prefix: CREATE TABLE (not LIKE) whose lower-cased name does not start with the prefix (arg the prefix
// as configured) (docs/audit.md "Table rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_TABLE_PREFIX,
  on: ['create_table'],
  gate: (inc) => inc.table_prefix !== '',
  check(_stmt, ctx) {
    const shape = ctx.facts.createTable;
    if (shape?.table && !shape.like && !shape.table.name.toLowerCase().startsWith(ctx.inc.table_prefix)) ctx.report(ctx.inc.table_prefix);
  },
});
