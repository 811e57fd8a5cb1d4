// alter-table/column-existed: ADD COLUMN of a column the table has; CHANGE to a taken name.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'alter-table/column-existed',
  {
    valid: [
      'alter table t1 add column c3 int',
      'alter table t1 drop column c2, add column c2 int',
      'alter table t1 change c2 c2 bigint',
    ],
    invalid: [
      { sql: 'alter table t1 add column C1 int', messages: ["Column 't1.C1' have existed."] },
      { sql: 'alter table t1 change c2 c1 int', messages: ["Column 't1.c1' have existed."] },
    ],
  },
);
