// query/compare-null (peer, check_dml_compare_null): `= NULL`, `<> NULL`, `IN (NULL)` are never true.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'query/compare-null',
  {
    valid: [
      'select id from t1 where c2 is null',
      'update t1 set c2 = null where id = 1',
      'select id from t1 where c2 in (1, 2)',
      // the NULL-safe equality is true for NULL
      'delete from t1 where c2 <=> null',
    ],
    invalid: [
      { sql: 'update t1 set c2 = 1 where c2 <=> null and id != null', messages: ["Comparison with NULL using '!=' is never true; use IS NULL."] },
      { sql: 'select id from t1 where c2 = null', messages: ["Comparison with NULL using '=' is never true; use IS NULL."] },
      { sql: 'delete from t1 where c2 <> null or c2 not in (1, null)', messages: ["Comparison with NULL using '<>' is never true; use IS NULL.", "Comparison with NULL using 'NOT IN' is never true; use IS NULL."] },
    ],
  },
  { inc: { check_dml_compare_null: true } },
);
