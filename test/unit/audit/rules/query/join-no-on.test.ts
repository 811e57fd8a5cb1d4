// query/join-no-on: check_dml_where: a join without ON/USING among an UPDATE's tables (never a SELECT's); a WHERE
// exempts only the outermost join.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'query/join-no-on',
  {
    valid: [
      'update t1 join t2 on t1.id = t2.id set t1.c2 = 1',
      'update t1 join t2 set t1.c2 = 1 where t1.id = t2.id',
      'update t1, t2 set t1.c2 = 1 where t1.id = t2.id',
      'update t1 join t2 using (id) set t1.c2 = 1',
      // goInception never checks a SELECT's joins
      'select t1.id from t1 join t2',
      'insert into t2 (id, c1) select t1.id, t1.c2 from t1 join t2 x',
    ],
    invalid: [
      { sql: 'update t1 join t2 set t1.c2 = 1', messages: ['set the on clause for join statement.'] },
      // the nested join (t1, t2) is checked as if there were no WHERE; the outermost one is exempt
      { sql: 'update t1, t2, t2 x set t1.c2 = 1 where t1.id = x.id', messages: ['set the on clause for join statement.'] },
      { sql: 'update t1 join t2 join t2 x set t1.c2 = 1', messages: ['set the on clause for join statement.', 'set the on clause for join statement.'] },
    ],
  },
  { inc: { check_dml_where: true } },
);
