// charset/charset-not-supported: support_charset: table, database, CONVERT TO and (enable_column_charset) column charsets outside the list.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('charset/charset-not-supported', {
  valid: [
    "create table t9 (id int primary key) charset utf8mb4",
    "create table t9 (id int primary key) charset latin1",
    { sql: "create database d9 charset utf8mb3", inc: {"enable_set_charset": true} },
  ],
  invalid: [
    { sql: "create table t9 (id int primary key) default charset = latin1", messages: ["Set charset to one of 'utf8,utf8mb4'."], inc: {"enable_set_charset": true}, level: 2 },
    { sql: "alter table t1 convert to character set gbk", messages: ["Set charset to one of 'utf8,utf8mb4'."] },
    { sql: "create table t9 (id int primary key, c varchar(5) character set latin1)", messages: ["Set charset to one of 'utf8,utf8mb4'."], inc: {"enable_column_charset": true} },
  ],
});
