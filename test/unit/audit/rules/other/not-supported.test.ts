// other/not-supported: Statement kinds inceptor does not audit are refused unless enable_any_statement.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'other/not-supported',
  {
    valid: [
      { sql: 'optimize table t1', inc: { enable_any_statement: true } },
    ],
    invalid: [
      { sql: 'optimize table t1', messages: ['Not supported statement type.'] },
    ],
  },
);
