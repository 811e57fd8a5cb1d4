// partition/not-existed: enable_partition_table: DROP PARTITION of a partition the table lacks on the target.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester({ ...LAYOUT, partitions: { 'test.t1': [{ name: 'p0', description: '10' }, { name: 'p1', description: 'MAXVALUE' }] } }).run('partition/not-existed', {
  valid: [
    "alter table t1 drop partition P0",
    "alter table t1 drop partition if exists p9",
  ],
  invalid: [
    { sql: "alter table t1 drop partition p0, p9", messages: ["Partition 'p9' does not exist"], level: 2 },
  ],
}, { inc: {"enable_partition_table": true} });
