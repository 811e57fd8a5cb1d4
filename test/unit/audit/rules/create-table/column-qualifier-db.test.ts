// create-table/column-qualifier-db: a column written db.t.c whose schema is not the new table's.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester({ ...LAYOUT, databases: ['other'] }).run('create-table/column-qualifier-db', {
  valid: ['create table t3 (test.t3.id int, t3.c1 int)', 'create table other.t3 (other.t3.id int)'],
  invalid: [
    { sql: 'create table t3 (db2.t3.id int, c1 int, Test.t3.c2 int)', messages: ["Incorrect database name 'db2'.", "Incorrect database name 'Test'."], level: 2 },
    { sql: 'create table t3 (test.t3.id int)', messages: ["Incorrect database name 'test'."], before: ['use other'] },
  ],
});
