// INSERT VALUES: literal NULL into a NOT NULL column that is not auto_increment (args column, 1-based row)
// (docs/audit.md).
import { Code } from '../../catalogue.js';
import { columnOf } from '../../column-lookup.js';
import { defineRule } from '../../rule.js';
import { insertColumnsOf, insertRowsOf, isNullLiteral } from '../../../sql/ast.js';
import type { ColumnInfo } from '../../snapshot.js';

export default defineRule({
  code: Code.ER_BAD_NULL_ERROR,
  on: ['insert', 'replace'],
  async check(stmt, ctx) {
    const rows = insertRowsOf(stmt);
    if (!rows || !rows.some((r) => r.some(isNullLiteral))) return;
    const table = await ctx.facts.target();
    if (!table) return;
    const names = insertColumnsOf(stmt);
    const columns: (ColumnInfo | undefined)[] = names ? names.map((n) => columnOf(table, n)) : [...table.columns];
    const notNull = (c: ColumnInfo | undefined) => c !== undefined && c.null === 'NO' && !/auto_increment/i.test(c.extra);
    rows.forEach((values, i) => {
      if (values.length !== columns.length) return; // width mismatch is its own error
      values.forEach((v, j) => {
        if (isNullLiteral(v) && notNull(columns[j])) ctx.report(columns[j]!.field, i + 1);
      });
    });
  },
});
