// index/too-long-key: a key over 3072 bytes (utf8mb4: 4 bytes a character).
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('index/too-long-key', {
  valid: [
    "create table t9 (id int primary key, c varchar(768), key ix_c (c))",
    "create table t9 (id int primary key, c varchar(2000), fulltext key ft_c (c))",
    "create table t9 (id int primary key, c varchar(1000), key ix_c (c)) charset latin1",
  ],
  invalid: [
    { sql: "create table t9 (id int primary key, c varchar(769), key ix_c (c))", messages: ["Specified key 'ix_c' was too long; max key length is 3072 bytes."], level: 2 },
    { sql: "alter table t1 add column c9 varchar(1000), add index ix_c9 (c9, c1)", messages: ["Specified key 'ix_c9' was too long; max key length is 3072 bytes."] },
  ],
});
