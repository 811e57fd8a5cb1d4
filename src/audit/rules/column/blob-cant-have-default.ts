// BLOB/TEXT/JSON with a DEFAULT other than NULL (docs/audit.md "Field rules").
import { Code } from '../../../codes/catalogue.js';
import { bareTypeName, isBlobTextOrJson } from '../../column-type.js';
import { defineRule } from '../../rule.js';
import { isNullLiteral } from '../../../sql/ast.js';

export default defineRule({
  code: Code.ER_BLOB_CANT_HAVE_DEFAULT,
  on: ['create_table', 'alter_table'],
  async check(_stmt, ctx) {
    for (const { at, column } of await ctx.facts.columnWrites()) {
      if (column.hasDefault && !isNullLiteral(column.defaultValue) && isBlobTextOrJson(bareTypeName(column.dataType))) ctx.reportAt(at, column.name);
    }
  },
});
