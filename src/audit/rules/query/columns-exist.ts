// Column references must resolve against the tables in scope (aliases, derived tables, outer queries for
// subqueries; select-list aliases in GROUP BY/HAVING/ORDER BY): fields, ON, WHERE, GROUP BY, HAVING, ORDER BY,
// UPDATE SET targets and values, INSERT VALUES expressions (docs/audit.md).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_COLUMN_NOT_EXISTED,
  on: ['select', 'insert', 'replace', 'update', 'delete', 'create_view'],
  queriesOnly: true,
  check(_stmt, ctx) {
    return ctx.facts.withAnalysis((a) => {
      for (const c of a.unknownColumns) ctx.report(c);
    });
  },
});
