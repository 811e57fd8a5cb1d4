// check_timestamp_default: a TIMESTAMP column without DEFAULT (arg column) (docs/audit.md "Field rules").
import { Code } from '../../catalogue.js';
import { bareTypeName } from '../../column-type.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_TIMESTAMP_DEFAULT,
  on: ['create_table', 'alter_table'],
  gate: (inc) => inc.check_timestamp_default,
  async check(_stmt, ctx) {
    for (const w of await ctx.facts.columnWrites()) {
      if (bareTypeName(w.column.dataType) === 'timestamp' && !w.column.hasDefault) ctx.reportAt(w.at, w.column.name);
    }
  },
});
