// create-view/duplicate-column: a name listed twice in CREATE VIEW's column list.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'create-view/duplicate-column',
  {
    valid: ['create view v1 (a, b) as select id, c1 from t1', 'create view v1 as select id, id as x from t1'],
    invalid: [
      { sql: 'create view test.V1 (a, b, A, a) as select id, c1, c2, c2 from t1', messages: ["Column 'A' specified twice in table 'V1'.", "Column 'a' specified twice in table 'V1'."], level: 2 },
    ],
  },
  { inc: { enable_use_view: true } },
);
