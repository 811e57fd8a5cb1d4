// dml/insert-columns-exist: Every column of the INSERT column list must exist.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'dml/insert-columns-exist',
  {
    valid: [
      'insert into t1 (id, C1) values (1, 2)',
      'insert into t2 values (1, 2)',
    ],
    invalid: [
      { sql: 'insert into t1 (id, c9, c8) values (1, 2, 3)', messages: ["Column 't1.c9' not existed.", "Column 't1.c8' not existed."] },
    ],
  },
);
