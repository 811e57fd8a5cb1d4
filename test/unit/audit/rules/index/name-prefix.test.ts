// index/name-prefix: check_index_prefix: plain and FULLTEXT index names must start with an index_prefix item.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('index/name-prefix', {
  valid: [
    "create table t9 (id int primary key, c int, key idx_c (c), unique key u (c))",
    { sql: "create index ix_c on t1 (c1)", inc: {"index_prefix": "idx_,ix_"} },
  ],
  invalid: [
    { sql: "create table t9 (id int primary key, c int, key k_c (c))", messages: ["Index 'k_c' need 'idx_' prefix (table 't9')."], level: 1 },
    { sql: "alter table t1 add fulltext index ft (c1)", messages: ["Index 'ft' need 'idx_' prefix (table 't1')."] },
  ],
}, { inc: {"check_index_prefix": true} });
