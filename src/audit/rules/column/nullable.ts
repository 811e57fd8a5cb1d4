// enable_nullable = false: every column but primary keys must be declared NOT NULL (args column, table)
// (docs/audit.md "Field rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_NOT_ALLOWED_NULLABLE,
  on: ['create_table', 'alter_table'],
  gate: (inc) => !inc.enable_nullable,
  async check(_stmt, ctx) {
    for (const w of await ctx.facts.columnWrites()) if (w.column.nullable !== false && !w.primaryKey) ctx.reportAt(w.at, w.column.name, w.table);
  },
});
