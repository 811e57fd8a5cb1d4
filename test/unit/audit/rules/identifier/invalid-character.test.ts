// identifier/invalid-character: check_identifier allows [0-9A-Za-z_] only.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'identifier/invalid-character',
  {
    valid: ['create table t3 (id int, c_1 int, C2 int)', { sql: 'create table t3 (`a$b` int)', inc: { check_identifier: false } }],
    invalid: [
      { sql: 'create table t3 (`a$b` int, `c-d` int)', messages: ["Identifier 'a$b' is invalid, valid options: [a-z|A-Z|0-9|_].", "Identifier 'c-d' is invalid, valid options: [a-z|A-Z|0-9|_]."] },
      { sql: 'alter table t1 add column `c 3` int', messages: ["Identifier 'c 3' is invalid, valid options: [a-z|A-Z|0-9|_]."] },
    ],
  },
  { inc: { check_identifier: true } },
);
