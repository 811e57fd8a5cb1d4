// query/non-unique-column: An unqualified column found in two tables of one query level.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'query/non-unique-column',
  {
    valid: [
      'select t1.id from t1 join t2 on t1.id = t2.id where t1.id = 1',
    ],
    invalid: [
      { sql: 'select id from t1 join t2 on t1.id = t2.id where t1.id = 1', messages: ["Column 'id' in field list is ambiguous."] },
    ],
  },
);
