// insert-select/value-count: INSERT … SELECT: the SELECT's width must match the column list (row 1).
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'insert-select/value-count',
  {
    valid: [
      'insert into t2 (id, c1) select id, c2 from t1 where id > 1',
      'insert into t2 select id, c2 from t1 where id > 1',
    ],
    invalid: [
      { sql: 'insert into t2 (id, c1) select id from t1 where id > 1', messages: ["Column count doesn't match value count at row 1."] },
      { sql: 'insert into t2 select id, c1, c2 from t1 where id > 1', messages: ["Column count doesn't match value count at row 1."] },
    ],
  },
);
