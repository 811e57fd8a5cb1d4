// dml/limit: check_dml_limit: UPDATE/DELETE with LIMIT.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'dml/limit',
  {
    valid: [
      'update t2 set c1 = 1 where id = 1',
      'delete from t2 where id = 1',
    ],
    invalid: [
      { sql: 'update t2 set c1 = 1 where id = 1 limit 1', messages: ['Limit is not allowed in update/delete statement.'] },
      { sql: 'delete from t2 where id = 1 limit 1', messages: ['Limit is not allowed in update/delete statement.'] },
    ],
  },
  { inc: { check_dml_limit: true } },
);
