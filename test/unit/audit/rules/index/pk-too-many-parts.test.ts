// index/pk-too-many-parts: PRIMARY KEY with more columns than max_primary_key_parts.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('index/pk-too-many-parts', {
  valid: [
    "create table t9 (a int, b int, primary key (a, b))",
    { sql: "create table t9 (a int, b int, c int, primary key (a, b, c))", inc: {"max_primary_key_parts": 0} },
  ],
  invalid: [
    { sql: "create table t9 (a int, b int, c int, primary key (a, b, c))", messages: ["Too many primary key part in table 'test'.'t9', max parts: 2"], level: 1 },
    { sql: "alter table t2 drop primary key, add primary key (id, c1)", messages: ["Too many primary key part in table 'test'.'t2', max parts: 1"], inc: {"max_primary_key_parts": 1} },
  ],
}, { inc: {"max_primary_key_parts": 2} });
