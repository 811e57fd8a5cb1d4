// column/max-varchar-length: max_varchar_length: a longer VARCHAR in CREATE/ADD, or a MODIFY/CHANGE that lengthens one.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('column/max-varchar-length', {
  valid: [
    "create table t9 (id int primary key, c varchar(100))",
    { sql: "alter table t3 modify c varchar(300)", before: ["create table t3 (id int primary key, c varchar(400))"] },
  ],
  invalid: [
    { sql: "create table t9 (id int primary key, c varchar(101))", messages: ["Column length too big for column 'c' (Custom maximum is 100)"], level: 2 },
    { sql: "alter table t3 change c d varchar(300)", messages: ["Column length too big for column 'd' (Custom maximum is 100)"], before: ["create table t3 (id int primary key, c varchar(200))"] },
  ],
}, { inc: {"max_varchar_length": 100} });
