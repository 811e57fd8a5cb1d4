// dml/no-where: check_dml_where: UPDATE/DELETE without WHERE.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'dml/no-where',
  {
    valid: [
      'update t2 set c1 = 1 where id = 1',
      'delete from t2 where id > 0',
    ],
    invalid: [
      { sql: 'update t2 set c1 = 1', messages: ['Please set the where condition.'] },
      { sql: 'delete from t2', messages: ['Please set the where condition.'] },
    ],
  },
  { inc: { check_dml_where: true } },
);
