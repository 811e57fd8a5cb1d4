// create-table/dup-index: CREATE TABLE: an index name an earlier index of the statement has.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('create-table/dup-index', {
  valid: [
    "create table t9 (id int, primary key (id), primary key (id))",
    "create table t9 (id int primary key, c int, key ix_c (c), key ix_d (c))",
    { sql: "create table t9 (id int primary key, c int, key (c), key (id))", inc: {"enable_null_index_name": true} },
  ],
  invalid: [
    { sql: "create table t9 (id int primary key, c int, key ix_c (c), key IX_C (id))", messages: ["Duplicate index 'IX_C' defined on the table 'test.t9'."], level: 2 },
    { sql: "create table t9 (id int primary key, c int, key (c), key (id))", messages: ["Duplicate index '' defined on the table 'test.t9'."] },
  ],
});
