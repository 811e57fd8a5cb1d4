// dml/order-by: check_dml_orderby: UPDATE/DELETE with ORDER BY.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'dml/order-by',
  {
    valid: [
      'update t2 set c1 = 1 where id = 1',
    ],
    invalid: [
      { sql: 'update t2 set c1 = 1 where id > 1 order by id', messages: ['Order by is not allowed in update/delete statement.'] },
      { sql: 'delete from t2 where id > 1 order by id', messages: ['Order by is not allowed in update/delete statement.'] },
    ],
  },
  { inc: { check_dml_orderby: true } },
);
