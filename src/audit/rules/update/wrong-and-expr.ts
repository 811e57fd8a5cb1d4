// `UPDATE t SET a = 1 AND b = 2`: an unparenthesised AND in an assignment is usually a comma typo (docs/audit.md,
// code 170). node-sql-parser rejects the form; the parse layer re-reads it and lists such assignments.
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ErrWrongAndExpr,
  on: ['update'],
  check(stmt, ctx) {
    if (stmt.recognised?.form === 'update_and_assignment') ctx.report();
  },
});
