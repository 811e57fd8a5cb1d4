// Any SET other than SET NAMES is not supported unless enable_any_statement (docs/audit.md).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_NOT_SUPPORTED_YET,
  on: ['set'],
  gate: (inc) => !inc.enable_any_statement,
  check(stmt, ctx) {
    if (stmt.recognised?.form !== 'set_names') ctx.report();
  },
});
