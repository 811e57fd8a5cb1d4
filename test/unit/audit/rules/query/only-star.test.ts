// query/only-star: `*` in the select list unless enable_select_star.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'query/only-star',
  {
    valid: [
      'select id from t1 where id = 1',
      { sql: 'select * from t1 where id = 1', inc: { enable_select_star: true } },
    ],
    invalid: [
      { sql: 'select * from t1 where id = 1', messages: ['Select only star is not allowed.'] },
      { sql: 'insert into t2 select * from t2 where id = 1', messages: ['Select only star is not allowed.'] },
    ],
  },
);
