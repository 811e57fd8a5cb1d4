// alter-table/alter-table-once: merge_alter_table: the second ALTER TABLE of one table in a batch.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('alter-table/alter-table-once', {
  valid: [
    { sql: "alter table t1 add column c3 int", before: ["alter table t2 add column c3 int"] },
    { sql: "alter table t1 add column c4 int", inc: {"merge_alter_table": false}, before: ["alter table t1 add column c3 int"] },
  ],
  invalid: [
    { sql: "alter table T1 add column c4 int", messages: ["Merge the alter statement for table 'T1' to ONE."], before: ["alter table t1 add column c3 int"], level: 1 },
  ],
}, { inc: {"merge_alter_table": true} });
