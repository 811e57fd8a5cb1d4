// INSERT … SELECT: the SELECT's column count must match the column list (or the table) (docs/audit.md; row 1).
import { Code } from '../../catalogue.js';
import { analysisOf } from '../../resolver.js';
import { defineRule, type RuleContext } from '../../rule.js';
import type { ParsedStatement } from '../../../sql/statement.js';
import { insertTargetWidth } from '../../insert-width.js';
import { insertSelectOf } from '../../../sql/ast.js';

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
  const width = await insertTargetWidth(stmt, ctx);
  if (width !== null && outputWidth !== width) ctx.report(1);
}
