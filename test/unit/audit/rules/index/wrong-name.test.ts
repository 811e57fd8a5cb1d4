// index/wrong-name: unnamed index (unless enable_null_index_name), trailing space, or a non-primary index named PRIMARY.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('index/wrong-name', {
  valid: [
    "create table t9 (id int primary key, c1 int, key ix_c1 (c1))",
    { sql: "create table t9 (id int primary key, c1 int, key (c1))", inc: {"enable_null_index_name": true} },
  ],
  invalid: [
    { sql: "create table t9 (id int primary key, c1 int, key (c1))", messages: ["Incorrect index name 'NULL' in table 't9'."], level: 2 },
    { sql: "alter table t1 add index `primary` (c2)", messages: ["Incorrect index name 'primary' in table 't1'."] },
    { sql: "create index `ix_a ` on t1 (c2)", messages: ["Incorrect index name 'ix_a ' in table 't1'."] },
  ],
});
