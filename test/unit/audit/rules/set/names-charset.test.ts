// set/names-charset: SET NAMES accepts utf8 / utf8mb4 only.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'set/names-charset',
  {
    valid: [
      'set names utf8mb4',
      'set names utf8',
    ],
    invalid: [
      { sql: 'set names latin1', messages: ["Set charset to one of 'utf8,utf8mb4'."] },
    ],
  },
);
