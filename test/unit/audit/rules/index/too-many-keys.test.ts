// index/too-many-keys: max_keys: an index added while the table already has that many.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('index/too-many-keys', {
  valid: [
    "create table t9 (id int primary key, a int, key ix_a (a))",
    { sql: "alter table t1 add index ix_c1 (c1)", inc: {"max_keys": 3} },
  ],
  invalid: [
    { sql: "create table t9 (id int primary key, a int, b int, key ix_a (a), key ix_b (b))", messages: ["Too many keys specified in table 't9', max 2 keys allowed."], level: 1 },
    { sql: "alter table t1 add index ix_c1 (c1)", messages: ["Too many keys specified in table 't1', max 2 keys allowed."] },
    { sql: "create index ix_c1 on t1 (c1)", messages: ["Too many keys specified in table 't1', max 2 keys allowed."] },
  ],
}, { inc: {"max_keys": 2} });
