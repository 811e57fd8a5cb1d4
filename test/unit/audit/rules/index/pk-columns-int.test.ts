// index/pk-columns-int: enable_pk_columns_only_int: PRIMARY KEY columns must be MEDIUMINT, INT or BIGINT.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('index/pk-columns-int', {
  valid: [
    "create table t9 (id bigint unsigned primary key)",
    { sql: "create table t9 (id varchar(10) primary key)", inc: {"enable_pk_columns_only_int": false} },
  ],
  invalid: [
    { sql: "create table t9 (id varchar(10) primary key)", messages: ["Primary key column 'id' is not int or bigint type in table 'test'.'t9'."], level: 1 },
    { sql: "alter table t2 drop primary key, add primary key (id, c1)", messages: ["Primary key column 'c1' is not int or bigint type in table 'test'.'t2'."], before: ["alter table t2 modify c1 char(4) not null"] },
  ],
}, { inc: {"enable_pk_columns_only_int": true} });
