// An unqualified column found in two or more tables of one query level (not checked in GROUP BY/ORDER BY;
// USING columns are not ambiguous) (docs/audit.md, code 109).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_NON_UNIQ_ERROR,
  on: ['select', 'insert', 'replace', 'update', 'delete', 'create_view'],
  queriesOnly: true,
  check(_stmt, ctx) {
    return ctx.facts.withAnalysis((a) => {
      for (const c of a.ambiguousColumns) ctx.report(c);
    });
  },
});
