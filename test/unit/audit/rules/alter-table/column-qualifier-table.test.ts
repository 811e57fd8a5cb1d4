// alter-table/column-qualifier-table: MODIFY / CHANGE of a column written t.c with another table.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('alter-table/column-qualifier-table', {
  valid: ['alter table t1 modify T1.c2 bigint', 'alter table t1 modify db2.t9.c2 bigint'],
  invalid: [
    { sql: 'alter table t1 modify t2.c2 bigint, change c1 test.t9.c4 int', messages: ["Incorrect table name 't2'", "Incorrect table name 't9'"], level: 2 },
  ],
});
