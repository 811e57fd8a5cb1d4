// query/columns-exist: Column references must resolve against the tables in scope.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'query/columns-exist',
  {
    valid: [
      'select c1 from t1 where id = 1',
      'update t1 set c2 = c2 + 1 where c1 = 1',
    ],
    invalid: [
      { sql: 'select c9 from t1 where id = 1', messages: ["Column 'c9' not existed."] },
      { sql: 'update t1 set c2 = 1 where t1.c8 = 1', messages: ["Column 't1.c8' not existed."] },
    ],
  },
);
