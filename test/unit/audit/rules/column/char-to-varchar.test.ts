// column/char-to-varchar: CHAR(n) longer than max_char_length.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'column/char-to-varchar',
  {
    valid: ['create table t3 (c1 char(20), c2 varchar(200))', { sql: 'create table t3 (c1 char(200))', inc: { max_char_length: 0 } }],
    invalid: [
      { sql: 'create table t3 (c1 char(21), c2 char(200))', messages: ["Set column 'c1' to VARCHAR type.", "Set column 'c2' to VARCHAR type."] },
      { sql: 'alter table t1 modify c1 char(64)', messages: ["Set column 'c1' to VARCHAR type."] },
    ],
  },
  { inc: { max_char_length: 20 } },
);
