// ALTER DATABASE is not supported unless enable_alter_database (docs/audit.md).
import { Code } from '../../catalogue.js';
import { defineRule, flag } from '../../rule.js';

export default defineRule({
  code: Code.ER_NOT_SUPPORTED_YET,
  on: ['alter_database'],
  gate: (inc) => !flag(inc, 'enable_alter_database'),
  check(_stmt, ctx) {
    ctx.report();
    ctx.stop();
  },
});
