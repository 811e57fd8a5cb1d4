// ALTER DATABASE is not supported unless enable_alter_database (docs/audit.md).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_NOT_SUPPORTED_YET,
  on: ['alter_database'],
  gate: (inc) => !inc.enable_alter_database,
  refuses: true,
  check(_stmt, ctx) {
    ctx.report();
  },
});
