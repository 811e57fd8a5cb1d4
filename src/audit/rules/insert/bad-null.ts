// INSERT VALUES: literal NULL for a listed NOT NULL column that is not auto_increment (docs/audit.md "INSERT
// values"). Arguments: the column as `db.table.col` (current database, table as written, lower case) and the
// 1-based row. Only with a column list, as goInception.
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';
import { insertRowsOf, isNullLiteral } from '../../../sql/ast.js';
import { eachValueCell, insertColumnText } from './cells.js';

export default defineRule({
  code: Code.ER_BAD_NULL_ERROR,
  on: ['insert', 'replace'],
  check(stmt, ctx) {
    // most INSERTs have no NULL literal: no table lookup, no cells (large INSERT batches)
    if (!insertRowsOf(stmt)?.some((r) => r.some(isNullLiteral))) return;
    return ctx.facts.withTarget((table) => {
      if (!table) return;
      eachValueCell(stmt, table, true, (value, c, listed, row, item) => {
        if (!c || !isNullLiteral(value)) return;
        // Columns defined in the batch without NOT NULL have Null '' (not 'NO'): nullable.
        if (c.null === 'NO' && !/auto_increment/i.test(c.extra)) ctx.reportAt(item, insertColumnText(ctx, listed), row);
      });
    });
  },
});
