// foreign-key/referenced-table-exists: enable_foreign_key: the referenced table must exist.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('foreign-key/referenced-table-exists', {
  valid: [
    "create table t9 (id int primary key, pid int, foreign key (pid) references t2 (id))",
  ],
  invalid: [
    { sql: "create table t9 (id int primary key, pid int, foreign key (pid) references nosuch (id))", messages: ["Table 'test.nosuch' doesn't exist."], level: 2 },
  ],
}, { inc: {"enable_foreign_key": true} });
