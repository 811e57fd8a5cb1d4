// A column COLLATE, or a CHARACTER SET other than binary, while enable_column_charset is off (args table,
// column); a column with both gets it twice, as goInception reports it (docs/audit.md "Field rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_CHARSET_ON_COLUMN,
  on: ['create_table', 'alter_table'],
  gate: (inc) => !inc.enable_column_charset,
  async check(_stmt, ctx) {
    for (const w of await ctx.facts.columnWrites()) {
      const type = w.column.model?.type;
      if (!type) continue;
      if (type.collation !== null) ctx.reportAt(w.at, w.table, w.column.name);
      if (type.charset !== null && type.charset.toLowerCase() !== 'binary') ctx.reportAt(w.at, w.table, w.column.name);
    }
  },
});
