// query/always-true (peer, check_dml_always_true): a condition true for every row beyond a bare literal.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'query/always-true',
  {
    valid: [
      'select id from t1 where id = 1',
      'update t1 set c2 = 1 where id = 1 and 1 = 1',
      'select id from t1 where t1.id = c2',
      // a bare literal is goInception's ErrUseValueExpr
      'delete from t1 where 1',
      "select id from t1 where 1 = 2 or 'a' = 'b'",
    ],
    invalid: [
      { sql: 'update t1 set c2 = 1 where id = id', messages: ["Where condition '`id`=`id`' is always true."] },
      // NULL-safe: true even where c2 is NULL
      { sql: 'update t1 set c2 = 1 where c2 <=> c2', messages: ["Where condition '`c2`<=>`c2`' is always true."] },
      { sql: 'delete from t1 where c2 = 3 or 1 = 1', messages: ["Where condition '1=1' is always true."] },
      { sql: "select a.id from t1 a join t2 b on 'x' = 'x' where a.id > 0", messages: ["Where condition ''x'='x'' is always true."] },
      { sql: 'delete from t1 where 1 = 1 and 2 > 1', messages: ["Where condition '1=1 AND 2>1' is always true."] },
    ],
  },
  { inc: { check_dml_always_true: true } },
);
