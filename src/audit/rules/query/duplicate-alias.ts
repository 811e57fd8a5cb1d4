// The same table name or alias twice in one FROM clause (docs/audit.md, code 153).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ErrNonUniqTable,
  on: ['select', 'insert', 'replace', 'update', 'delete', 'create_view'],
  queriesOnly: true,
  check(_stmt, ctx) {
    return ctx.facts.withAnalysis((found) => {
      for (const a of found.duplicateAliases) ctx.report(a);
    });
  },
});
