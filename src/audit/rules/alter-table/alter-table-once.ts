// merge_alter_table: the second and later ALTER TABLE of one table in a batch (arg the table as written); the
// resolve phase counts them (docs/audit.md "Table rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_ALTER_TABLE_ONCE,
  on: ['alter_table'],
  gate: (inc) => inc.merge_alter_table,
  check(_stmt, ctx) {
    if (ctx.facts.earlierAlters > 0) ctx.report(ctx.facts.tableName);
  },
});
