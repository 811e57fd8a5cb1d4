// check_float_double: FLOAT and DOUBLE columns should be DECIMAL (docs/audit.md "Field rules").
import { Code } from '../../../codes/catalogue.js';
import { bareTypeName } from '../../column-type.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ErrFloatDoubleToDecimal,
  on: ['create_table', 'alter_table'],
  gate: (inc) => inc.check_float_double,
  async check(_stmt, ctx) {
    for (const w of await ctx.facts.columnWrites()) {
      const bare = bareTypeName(w.column.dataType);
      if (bare === 'float' || bare === 'double') ctx.reportAt(w.at, w.column.name);
    }
  },
});
