// CREATE VIEW v (a, b, a): each later occurrence of a name (case-insensitive) in the column list gets
// ER_FIELD_SPECIFIED_TWICE (args the name as written, the view as written); the checks go on (docs/audit.md
// "Views").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_FIELD_SPECIFIED_TWICE,
  on: ['create_view'],
  check(stmt, ctx) {
    const ddl = stmt.ddl;
    if (ddl?.type !== 'create_view' || !ddl.columns) return;
    const seen = new Set<string>();
    for (const c of ddl.columns) {
      if (seen.has(c.toLowerCase())) ctx.report(c, ddl.view.name);
      seen.add(c.toLowerCase());
    }
  },
});
