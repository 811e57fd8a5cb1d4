// dml/insert-value-count: Each VALUES row must have as many values as the column list (or the table).
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'dml/insert-value-count',
  {
    valid: [
      'insert into t2 (id, c1) values (1, 2), (3, 4)',
      'insert into t2 values (1, 2)',
    ],
    invalid: [
      { sql: 'insert into t2 (id, c1) values (1, 2), (3)', messages: ["Column count doesn't match value count at row 2."] },
      { sql: 'insert into t2 values (1, 2, 3)', messages: ["Column count doesn't match value count at row 1."] },
    ],
  },
);
