// create-table/columns-must-have-index-type: columns_must_have_index: a listed column of another base type.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('create-table/columns-must-have-index-type', {
  valid: [
    "create table t9 (id int primary key, uid bigint, key ix (uid))",
  ],
  invalid: [
    { sql: "create table t9 (id int primary key, uid int, key ix (uid))", messages: ["The specified column: 'uid' type must be 'bigint',current is 'int'."], level: 1 },
    { sql: "alter table t1 modify c2 varchar(5)", messages: ["The specified column: 'c2' type must be 'int',current is 'varchar'."], inc: {"columns_must_have_index": "c2 INT(11)"} },
  ],
}, { inc: {"columns_must_have_index": "uid bigint(20)"} });
