// create-table/must-have-column-list: must_have_columns: CREATE TABLE lacks configured columns (another base type counts).
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('create-table/must-have-column-list', {
  valid: [
    "create table t9 (id int primary key, create_time datetime)",
    "create table t9 like t1",
  ],
  invalid: [
    { sql: "create table t9 (id bigint primary key, c int)", messages: ["Must have the specified column: 'id int,create_time datetime'."], level: 1 },
  ],
}, { inc: {"must_have_columns": "id int, create_time datetime"} });
