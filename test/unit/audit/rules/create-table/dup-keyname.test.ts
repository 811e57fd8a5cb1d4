// create-table/dup-keyname: CREATE TABLE: a KEY/UNIQUE constraint name used by an earlier one (unnamed: its first column).
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('create-table/dup-keyname', {
  valid: [
    "create table t9 (id int primary key, c int, key ix_c (c), fulltext key ix_c2 (c))",
  ],
  invalid: [
    { sql: "create table t9 (id int primary key, c int, key ix_c (c), unique key IX_C (id))", messages: ["Duplicate key name 'IX_C'."], level: 2 },
    { sql: "create table t9 (id int primary key, c int, key c (id), key (c))", messages: ["Duplicate key name 'c'."], inc: {"enable_null_index_name": true} },
  ],
});
