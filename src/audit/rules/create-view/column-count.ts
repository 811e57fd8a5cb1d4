// CREATE VIEW v (a, b) AS …: each SELECT of the view (every UNION member) must produce as many columns as the
// list names, a `*` counted as the columns it expands to; ErrViewColumnCount once per member that does not
// (none when a `*` cannot be expanded) (docs/audit.md "Views").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ErrViewColumnCount,
  on: ['create_view'],
  async check(stmt, ctx) {
    const ddl = stmt.ddl;
    if (ddl?.type !== 'create_view' || !ddl.columns) return;
    const { memberWidths } = await ctx.facts.analysis();
    for (const width of memberWidths) if (width !== null && width !== ddl.columns.length) ctx.report();
  },
});
