// INSERT … SELECT: the SELECT's column count must match the column list (or the table) (§3.9; row 1).
import { Code } from '../../catalogue.js';
import { analysisOf } from '../../resolver.js';
import { defineRule, type RuleContext } from '../../rule.js';
import type { ParsedStatement } from '../../../sql/statement.js';
import { insertColumnsOf, insertSelectOf, tablesOf } from '../../../sql/ast.js';

export default defineRule({
  code: Code.ER_WRONG_VALUE_COUNT_ON_ROW,
  on: ['insert', 'replace'],
  check(stmt, ctx) {
    if (!insertSelectOf(stmt)) return;
    return checkWidth(stmt, ctx);
  },
});

async function checkWidth(stmt: ParsedStatement, ctx: RuleContext): Promise<void> {
  const { outputWidth } = await analysisOf(stmt, ctx);
  if (outputWidth === null) return;
  let width = insertColumnsOf(stmt)?.length ?? null;
  if (width === null) {
    const [ref] = tablesOf(stmt);
    const table = ref ? await ctx.table(ref) : null;
    if (!table) return;
    width = table.columns.length;
  }
  if (outputWidth !== width) ctx.report(1);
}
