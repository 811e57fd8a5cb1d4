// column/column-comment: check_column_comment: each column needs a COMMENT.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'column/column-comment',
  {
    valid: [
      "create table t3 (id int comment 'id', c int comment 'c')",
      { sql: 'create table t3 (id int, c int)', inc: { check_column_comment: false } },
      // ADD COLUMN of an existing column gets ER_COLUMN_EXISTED instead of the field checks
      'alter table t1 add column C1 int',
    ],
    invalid: [
      { sql: "create table t3 (id int comment 'id', c int, d int comment '')", messages: ["Column 'c' in table 't3' have no comments.", "Column 'd' in table 't3' have no comments."] },
      { sql: "alter table t1 add column c3 int, modify c2 bigint comment 'x', change c1 c9 int", messages: ["Column 'c3' in table 't1' have no comments.", "Column 'c9' in table 't1' have no comments."] },
    ],
  },
  { inc: { check_column_comment: true } },
);
