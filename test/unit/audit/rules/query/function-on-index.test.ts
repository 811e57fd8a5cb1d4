// query/function-on-index (peer, check_dml_function_on_index): a function or arithmetic around an indexed column
// in a condition.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'query/function-on-index',
  {
    valid: [
      "select id from t1 where c2 = abs(-3)",
      // c1 has no index
      "select id from t1 where upper(c1) = 'A'",
      'update t1 set c2 = c2 + 1 where id = 1',
    ],
    invalid: [
      { sql: 'select id from t1 where abs(c2) = 3', messages: ["Function or arithmetic on indexed column 't1.c2' in where condition prevents the index use."] },
      { sql: 'delete a from t1 a join t2 b on a.id + 1 = b.id where b.c1 = 1', messages: ["Function or arithmetic on indexed column 'a.id' in where condition prevents the index use."] },
    ],
  },
  { inc: { check_dml_function_on_index: true } },
);
