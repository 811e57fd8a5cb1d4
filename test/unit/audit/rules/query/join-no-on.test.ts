// query/join-no-on: check_dml_where: a join without ON/USING in a query level without WHERE.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'query/join-no-on',
  {
    valid: [
      'update t1 join t2 on t1.id = t2.id set t1.c2 = 1',
      'update t1 join t2 set t1.c2 = 1 where t1.id = t2.id',
    ],
    invalid: [
      { sql: 'update t1 join t2 set t1.c2 = 1', messages: ['set the on clause for join statement.'] },
    ],
  },
  { inc: { check_dml_where: true } },
);
