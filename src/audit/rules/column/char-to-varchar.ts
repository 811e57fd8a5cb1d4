// CHAR(n) longer than max_char_length: VARCHAR is asked for (docs/audit.md "Field rules").
import { Code } from '../../../codes/catalogue.js';
import { bareTypeName } from '../../column-type.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_CHAR_TO_VARCHAR_LEN,
  on: ['create_table', 'alter_table'],
  gate: (inc) => inc.max_char_length > 0,
  async check(_stmt, ctx) {
    for (const w of await ctx.facts.columnWrites()) {
      if (bareTypeName(w.column.dataType) === 'char' && (w.column.length ?? 1) > ctx.inc.max_char_length) ctx.reportAt(w.at, w.column.name);
    }
  },
});
