// Statement kinds inceptor does not audit are refused unless enable_any_statement (docs/audit.md).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_NOT_SUPPORTED_YET,
  on: ['other'],
  gate: (inc) => !inc.enable_any_statement,
  check(_stmt, ctx) {
    ctx.report();
  },
});
