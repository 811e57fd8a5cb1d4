// create-table/columns-must-have-index: columns_must_have_index: a listed column that is not the first column of any index.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('create-table/columns-must-have-index', {
  valid: [
    "create table t9 (id int primary key, uid int, key ix (uid))",
    "create table t9 (id int primary key)",
    "alter table t1 add column uid int, add index ix_uid (uid)",
  ],
  invalid: [
    { sql: "create table t9 (id int primary key, uid int, key ix (id, uid))", messages: ["The specified column: 'uid' must have index."], level: 1 },
    { sql: "alter table t1 add column uid int", messages: ["The specified column: 'uid' must have index."] },
  ],
}, { inc: {"columns_must_have_index": "uid"} });
