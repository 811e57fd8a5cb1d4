// BLOB/TEXT/JSON declared NOT NULL, unless enable_blob_not_null (args column, table) (docs/audit.md "Field rules").
import { Code } from '../../../codes/catalogue.js';
import { bareTypeName, isBlobTextOrJson } from '../../column-type.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_TEXT_NOT_NULLABLE_ERROR,
  on: ['create_table', 'alter_table'],
  gate: (inc) => !inc.enable_blob_not_null,
  async check(_stmt, ctx) {
    for (const w of await ctx.facts.columnWrites()) {
      if (w.column.nullable === false && isBlobTextOrJson(bareTypeName(w.column.dataType))) ctx.reportAt(w.at, w.column.name, w.table);
    }
  },
});
