// DROP/TRUNCATE TABLE are forbidden unless enable_drop_table (docs/audit.md).
import { Code } from '../../catalogue.js';
import { defineRule, flag } from '../../rule.js';
import { tablesOf } from '../../../sql/ast.js';

export default defineRule({
  code: Code.ER_CANT_DROP_TABLE,
  on: ['drop_table', 'truncate_table'],
  gate: (inc) => !flag(inc, 'enable_drop_table'),
  check(stmt, ctx) {
    for (const t of tablesOf(stmt)) ctx.report(t.name);
    ctx.stop();
  },
});
