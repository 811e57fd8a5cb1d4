// dml/value-expr-where: UPDATE/DELETE whose WHERE is a bare literal or literal-op-literal.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'dml/value-expr-where',
  {
    valid: [
      'delete from t2 where 1 = 1',
      'update t2 set c1 = 1 where id = 1',
    ],
    invalid: [
      { sql: 'delete from t2 where 1', messages: ['Please confirm if you want to use value expression in where condition.'] },
      { sql: 'update t2 set c1 = 1 where 1 + 1', messages: ['Please confirm if you want to use value expression in where condition.'] },
    ],
  },
);
