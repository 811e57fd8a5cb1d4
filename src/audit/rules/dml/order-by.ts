// check_dml_orderby: UPDATE/DELETE with ORDER BY (docs/audit.md).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';
import { hasOrderBy } from '../../../sql/ast.js';

export default defineRule({
  code: Code.ER_WITH_ORDERBY_CONDITION,
  on: ['update', 'delete'],
  gate: (inc) => inc.check_dml_orderby,
  check(stmt, ctx) {
    if (hasOrderBy(stmt)) ctx.report();
  },
});
