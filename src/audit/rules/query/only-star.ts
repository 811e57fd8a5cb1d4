// `*` / `t.*` in the statement's own select list (SELECT, UNION members, INSERT … SELECT, CREATE VIEW)
// (docs/audit.md, code 25).
import { Code } from '../../catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_SELECT_ONLY_STAR,
  on: ['select', 'insert', 'replace', 'create_view'],
  queriesOnly: true,
  gate: (inc) => !inc.enable_select_star,
  check(_stmt, ctx) {
    return ctx.facts.withAnalysis((a) => {
      if (a.topLevelStar) ctx.report();
    });
  },
});
