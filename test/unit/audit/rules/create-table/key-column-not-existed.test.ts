// create-table/key-column-not-existed: CREATE TABLE: an index naming a column the table does not define.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('create-table/key-column-not-existed', {
  valid: [
    "create table t9 (id int, c int, primary key (id), key ix_c (c))",
  ],
  invalid: [
    { sql: "create table t9 (id int, c int, primary key (id), key ix_d (d))", messages: ["Column 't9.d' not existed."], level: 2 },
  ],
});
