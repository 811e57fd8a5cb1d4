// insert-select/limit: check_dml_limit: INSERT … SELECT … LIMIT.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'insert-select/limit',
  {
    valid: [
      'insert into t2 (id, c1) select id, c2 from t1 where id > 1',
    ],
    invalid: [
      { sql: 'insert into t2 (id, c1) select id, c2 from t1 where id > 1 limit 1', messages: ['Limit is not allowed in update/delete statement.'] },
    ],
  },
  { inc: { check_dml_limit: true } },
);
