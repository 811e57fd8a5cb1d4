// check_dml_limit: UPDATE/DELETE with LIMIT (docs/audit.md).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';
import { hasLimit } from '../../../sql/ast.js';

export default defineRule({
  code: Code.ER_WITH_LIMIT_CONDITION,
  on: ['update', 'delete'],
  gate: (inc) => inc.check_dml_limit,
  check(stmt, ctx) {
    if (hasLimit(stmt)) ctx.report();
  },
});
