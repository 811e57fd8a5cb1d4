// create-table/column-comment: check_column_comment: each column needs a COMMENT.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'create-table/column-comment',
  {
    valid: [
      "create table t3 (id int comment 'id', c int comment 'c')",
      { sql: 'create table t3 (id int, c int)', inc: { check_column_comment: false } },
    ],
    invalid: [
      { sql: "create table t3 (id int comment 'id', c int, d int comment '')", messages: ["Column 'c' in table 't3' have no comments.", "Column 'd' in table 't3' have no comments."] },
    ],
  },
  { inc: { check_column_comment: true } },
);
