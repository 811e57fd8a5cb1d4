// set/not-supported: SET other than SET NAMES is refused unless enable_any_statement.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'set/not-supported',
  {
    valid: [
      'set names utf8mb4',
      { sql: 'set autocommit = 0', inc: { enable_any_statement: true } },
    ],
    invalid: [
      { sql: 'set autocommit = 0', messages: ['Not supported statement type.'] },
    ],
  },
);
