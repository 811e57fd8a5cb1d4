// index/too-many-key-parts: more key parts than max_key_parts; SPATIAL with more than one part.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('index/too-many-key-parts', {
  valid: [
    "create table t9 (id int primary key, a int, b int, key ix (a, b))",
    "create table t9 (id int, a int, b int, c int, primary key (id, a, b, c))",
  ],
  invalid: [
    { sql: "create table t9 (id int primary key, a int, b int, c int, key ix (a, b, c))", messages: ["Too many key parts in Key 'ix' in table 't9' specified, max 2 parts allowed."], level: 1 },
    { sql: "alter table t1 add spatial index sp (c1, c2)", messages: ["Too many key parts in Key 'sp' in table 't1' specified, max 1 parts allowed."], inc: {"max_key_parts": 0} },
  ],
}, { inc: {"max_key_parts": 2} });
