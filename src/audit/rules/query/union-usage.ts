// LIMIT / ORDER BY on a UNION member that is not the last one (and not parenthesised) (docs/audit.md, code 154).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ErrWrongUsage,
  on: ['select', 'insert', 'replace', 'create_view'],
  queriesOnly: true,
  check(_stmt, ctx) {
    return ctx.facts.withAnalysis((a) => {
      for (const clause of a.unionMisuse) ctx.report('UNION', clause);
    });
  },
});
