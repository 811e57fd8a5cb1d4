// alter-table/change-column: enable_change_column off: CHANGE COLUMN is not allowed.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('alter-table/change-column', {
  valid: [
    "alter table t1 modify c2 bigint",
    { sql: "alter table t1 change c2 c3 int", inc: {"enable_change_column": true} },
  ],
  invalid: [
    { sql: "alter table t1 change C2 c3 int", messages: ["Not supported statement of change column('c2')."], level: 1 },
  ],
}, { inc: {"enable_change_column": false} });
