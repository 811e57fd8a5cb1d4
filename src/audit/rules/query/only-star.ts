// `*` / `t.*` in the statement's own select list (docs/audit.md, code 25), counted as goInception counts: a SELECT
// gets one message per star field of each UNION member, CREATE VIEW one per member with a star, INSERT … SELECT one.
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';
import { starsPerMember } from '../../../sql/ast.js';

export default defineRule({
  code: Code.ER_SELECT_ONLY_STAR,
  on: ['select', 'insert', 'replace', 'create_view'],
  queriesOnly: true,
  gate: (inc) => !inc.enable_select_star,
  check(stmt, ctx) {
    return ctx.facts.withAnalysis((a) => {
      if (!a.topLevelStar) return;
      const stars = starsPerMember(stmt);
      const times = stmt.kind === 'select' ? stars.reduce((n, s) => n + s, 0) : stmt.kind === 'create_view' ? stars.filter((s) => s > 0).length : 1;
      for (let i = 0; i < Math.max(times, 1); i++) ctx.report();
    });
  },
});
