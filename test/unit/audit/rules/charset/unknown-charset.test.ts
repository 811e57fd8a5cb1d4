// charset/unknown-charset: a table CHARSET without COLLATE that has no built-in default collation (case-sensitive).
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('charset/unknown-charset', {
  valid: [
    "create table t9 (id int primary key) charset utf8mb4",
    "create table t9 (id int primary key) charset UTF8MB4 collate utf8mb4_bin",
  ],
  invalid: [
    { sql: "create table t9 (id int primary key) default charset = UTF8MB4", messages: ["Unknown charset: 'UTF8MB4'."], level: 1 },
    { sql: "alter table t1 charset Latin1", messages: ["Unknown charset: 'Latin1'."] },
  ],
});
