// query/duplicate-alias: The same table name or alias twice in one FROM clause.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'query/duplicate-alias',
  {
    valid: [
      'select a.id from t1 a join t2 b on a.id = b.id where a.id = 1',
    ],
    invalid: [
      { sql: 'select a.id from t1 a join t2 a on a.id = a.id where a.id = 1', messages: ["Not unique table/alias: 'a'."] },
    ],
  },
);
