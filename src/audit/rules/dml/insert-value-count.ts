// Each VALUES row must have as many values as the column list (or the table, without a list) (docs/audit.md).
// Reported at the row's first cell, so each row's messages stay together (./../insert/cells.ts).
import { Code } from '../../catalogue.js';
import { defineRule } from '../../rule.js';
import { insertRowsOf } from '../../../sql/ast.js';
import { rowItems } from '../insert/cells.js';

export default defineRule({
  code: Code.ER_WRONG_VALUE_COUNT_ON_ROW,
  on: ['insert', 'replace'],
  async check(stmt, ctx) {
    const rows = insertRowsOf(stmt);
    if (!rows) return;
    const width = await ctx.facts.insertWidth();
    if (width === null) return;
    const items = rowItems(rows);
    rows.forEach((values, i) => {
      if (values.length > 0 && values.length !== width) ctx.reportAt(items[i]!, i + 1);
    });
  },
});
