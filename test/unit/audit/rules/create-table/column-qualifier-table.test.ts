// create-table/column-qualifier-table: a column written t.c whose table is not the one created.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('create-table/column-qualifier-table', {
  valid: ['create table t3 (t3.id int, test.t3.c1 int)', 'create table t3 (db2.t9.id int)'],
  invalid: [
    { sql: 'create table t3 (t9.id int, T3.c1 int)', messages: ["Incorrect table name 't9'", "Incorrect table name 'T3'"], level: 2 },
  ],
});
