// index/unique-prefix: check_index_prefix: UNIQUE index names must start with uniq_index_prefix.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('index/unique-prefix', {
  valid: [
    "create table t9 (id int primary key, c int, unique key uniq_c (c), key k (c))",
  ],
  invalid: [
    { sql: "create table t9 (id int primary key, c int unique)", messages: ["Unique index 'c' need 'uniq_' prefix (table 't9')."], level: 1 },
    { sql: "alter table t1 add unique index uk_c1 (c1)", messages: ["Unique index 'uk_c1' need 'uniq_' prefix (table 't1')."] },
  ],
}, { inc: {"check_index_prefix": true} });
