// query/union-usage: LIMIT / ORDER BY on a UNION member that is not the last one.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'query/union-usage',
  {
    valid: [
      'select id from t1 union select id from t2 limit 1',
      '(select id from t1 limit 1) union select id from t2',
    ],
    invalid: [
      { sql: 'select id from t1 limit 1 union select id from t2', messages: ['Incorrect usage of UNION and LIMIT.'] },
    ],
  },
);
