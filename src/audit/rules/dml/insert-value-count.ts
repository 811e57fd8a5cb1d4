// Each VALUES row must have as many values as the column list (or the table, without a list) (docs/audit.md).
// Reported at the row's first cell, so each row's messages stay together (./../insert/cells.ts).
import { Code } from '../../../codes/catalogue.js';
import { defineRule, type RuleContext } from '../../rule.js';
import { insertRowsOf } from '../../../sql/ast.js';
import { rowItems } from '../insert/cells.js';

export default defineRule({
  code: Code.ER_WRONG_VALUE_COUNT_ON_ROW,
  on: ['insert', 'replace'],
  check(stmt, ctx) {
    const rows = insertRowsOf(stmt);
    if (!rows) return;
    const width = ctx.facts.insertWidth();
    if (width instanceof Promise) return width.then((w) => checkRows(rows, w, ctx));
    checkRows(rows, width, ctx);
  },
});

function checkRows(rows: unknown[][], width: number | null, ctx: RuleContext): void {
  if (width === null) return;
  const items = rowItems(rows);
  rows.forEach((values, i) => {
    if (values.length > 0 && values.length !== width) ctx.reportAt(items[i]!, i + 1);
  });
}
