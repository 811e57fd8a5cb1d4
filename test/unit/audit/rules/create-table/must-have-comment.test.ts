// create-table/must-have-comment: check_table_comment: CREATE TABLE needs a table COMMENT (not LIKE).
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'create-table/must-have-comment',
  {
    valid: [
      "create table t3 (a int) comment 'x'",
      'create table t3 like t1',
    ],
    invalid: [
      { sql: 'create table t3 (a int)', messages: ["Set comments for table 't3'."] },
      { sql: "create table t3 (a int) comment ''", messages: ["Set comments for table 't3'."] },
    ],
  },
  { inc: { check_table_comment: true } },
);
