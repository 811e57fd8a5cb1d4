// check_dml_where: UPDATE/DELETE without WHERE (docs/audit.md).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';
import { whereOf } from '../../../sql/ast.js';

export default defineRule({
  code: Code.ER_NO_WHERE_CONDITION,
  on: ['update', 'delete'],
  gate: (inc) => inc.check_dml_where,
  check(stmt, ctx) {
    if (whereOf(stmt) === null) ctx.report();
  },
});
