// alter-table/column-position: check_column_position_change: ADD/MODIFY/CHANGE with FIRST or AFTER.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('alter-table/column-position', {
  valid: [
    "alter table t1 add column c3 int, modify c2 bigint",
  ],
  invalid: [
    { sql: "alter table t1 add column c3 int after c1", messages: ["Cannot change the position of the column 't1.c3'."], level: 1 },
    { sql: "alter table t1 change c2 c4 int first", messages: ["Cannot change the position of the column 't1.c4'."] },
  ],
}, { inc: {"check_column_position_change": true} });
