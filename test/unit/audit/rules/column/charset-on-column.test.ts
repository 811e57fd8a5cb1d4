// column/charset-on-column: a column COLLATE or CHARACTER SET (not binary) while enable_column_charset is off.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('column/charset-on-column', {
  valid: [
    "create table t9 (id int primary key, c varchar(5), b varchar(5) character set binary)",
    { sql: "alter table t1 add column c3 varchar(5) collate utf8mb4_bin", inc: {"enable_column_charset": true} },
  ],
  invalid: [
    { sql: "create table t9 (id int primary key, c varchar(5) character set utf8mb4 collate utf8mb4_bin)", messages: ["Not Allowed set charset or collation for column 't9.c'.", "Not Allowed set charset or collation for column 't9.c'."], level: 1 },
    { sql: "alter table t1 modify c1 varchar(10) collate utf8mb4_bin not null", messages: ["Not Allowed set charset or collation for column 't1.c1'."] },
  ],
});
