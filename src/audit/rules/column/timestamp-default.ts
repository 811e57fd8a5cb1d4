// check_timestamp_default: a TIMESTAMP column without DEFAULT (arg column); on a target with
// explicit_defaults_for_timestamp OFF, CREATE TABLE's implicit defaults count as written (docs/audit.md "Field rules").
import { Code } from '../../../codes/catalogue.js';
import { bareTypeName } from '../../column-type.js';
import { writesWithImplicitTimestamps } from '../../implicit-timestamp.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_TIMESTAMP_DEFAULT,
  on: ['create_table', 'alter_table'],
  gate: (inc) => inc.check_timestamp_default,
  async check(stmt, ctx) {
    for (const w of writesWithImplicitTimestamps(stmt, await ctx.facts.columnWrites(), ctx.serverInfo)) {
      if (bareTypeName(w.column.dataType) === 'timestamp' && !w.column.hasDefault) ctx.reportAt(w.at, w.column.name);
    }
  },
});
