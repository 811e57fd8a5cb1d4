// DROP/TRUNCATE TABLE are forbidden unless enable_drop_table (docs/audit.md).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';
import { tablesOf } from '../../../sql/ast.js';

export default defineRule({
  code: Code.ER_CANT_DROP_TABLE,
  on: ['drop_table', 'truncate_table'],
  gate: (inc) => !inc.enable_drop_table,
  refuses: true,
  check(stmt, ctx) {
    for (const t of tablesOf(stmt)) ctx.report(t.name);
  },
});
