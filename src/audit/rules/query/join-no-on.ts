// check_dml_where: a join without ON/USING (not NATURAL/STRAIGHT_JOIN) in a query level without WHERE
// (SELECT, UPDATE, INSERT … SELECT; not DELETE) (docs/audit.md, code 174).
import { Code } from '../../catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ErrJoinNoOnCondition,
  on: ['select', 'insert', 'replace', 'update'],
  queriesOnly: true,
  gate: (inc) => inc.check_dml_where,
  check(_stmt, ctx) {
    return ctx.facts.withAnalysis((a) => {
      if (a.joinWithoutOn) ctx.report();
    });
  },
});
