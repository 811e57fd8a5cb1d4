// INSERT … SELECT: the SELECT's column count must match the column list (or the table) (docs/audit.md; row 1).
import { Code } from '../../../codes/catalogue.js';
import { defineRule, type RuleContext } from '../../rule.js';
import { insertSelectOf } from '../../../sql/ast.js';

export default defineRule({
  code: Code.ER_WRONG_VALUE_COUNT_ON_ROW,
  on: ['insert', 'replace'],
  queriesOnly: true,
  check(stmt, ctx) {
    if (!insertSelectOf(stmt)) return;
    return checkWidth(ctx);
  },
});

async function checkWidth(ctx: RuleContext): Promise<void> {
  const { outputWidth } = await ctx.facts.analysis();
  if (outputWidth === null) return;
  const width = await ctx.facts.insertWidth();
  if (width !== null && outputWidth !== width) ctx.report(1);
}
