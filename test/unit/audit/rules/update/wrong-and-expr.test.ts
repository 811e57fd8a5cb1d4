// update/wrong-and-expr: `UPDATE t SET a = 1 AND b = 2`: an AND where a comma was meant.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'update/wrong-and-expr',
  {
    valid: [
      'update t2 set c1 = 1, id = 2 where id = 1',
      'update t2 set c1 = (1 and 2) where id = 1',
    ],
    invalid: [
      { sql: 'update t2 set c1 = 1 and id = 2 where id = 1', messages: ['May be the wrong syntax! Separate multiple fields with commas.'] },
    ],
  },
);
