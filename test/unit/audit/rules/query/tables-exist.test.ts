// query/tables-exist: Every table a query reads must exist.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'query/tables-exist',
  {
    valid: [
      'select id from t1 where id = 1',
      'select id from t1 where id in (select id from t2)',
    ],
    invalid: [
      { sql: 'select id from nosuch where id = 1', messages: ["Table 'test.nosuch' doesn't exist."] },
      { sql: 'select id from t1 where id in (select id from t9)', messages: ["Table 'test.t9' doesn't exist."] },
    ],
  },
);
