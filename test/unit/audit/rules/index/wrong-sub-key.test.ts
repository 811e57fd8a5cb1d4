// index/wrong-sub-key: a prefix length on a non-string column, or longer than the column.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('index/wrong-sub-key', {
  valid: [
    "create table t9 (id int primary key, c varchar(20), key ix_c (c(10)))",
  ],
  invalid: [
    { sql: "create table t9 (id int primary key, n int, key ix_n (n(2)))", messages: ["Incorrect prefix key; the used key part isn't a string, the used length is longer than the key part, or the storagengine doesn't support unique prefix keys"], level: 2 },
    { sql: "alter table t1 add index ix_c1 (c1(11))", messages: ["Incorrect prefix key; the used key part isn't a string, the used length is longer than the key part, or the storagengine doesn't support unique prefix keys"] },
  ],
});
