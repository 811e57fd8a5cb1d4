// LIMIT / ORDER BY on a UNION member that is not the last one (and not parenthesised) (docs/audit.md, code 154).
import { Code } from '../../catalogue.js';
import { withAnalysis } from '../../resolver.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ErrWrongUsage,
  on: ['select', 'insert', 'replace', 'create_view'],
  check(stmt, ctx) {
    return withAnalysis(stmt, ctx, (a) => {
      for (const clause of a.unionMisuse) ctx.report('UNION', clause);
    });
  },
});
