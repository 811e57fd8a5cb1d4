// partition/alter-clauses: more than one partition spec in an ALTER; REMOVE PARTITIONING of an unpartitioned table.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester({ ...LAYOUT, partitions: { 'test.t1': [{ name: 'p0', description: '10' }, { name: 'p1', description: 'MAXVALUE' }] } }).run('partition/alter-clauses', {
  valid: [
    "alter table t1 remove partitioning",
  ],
  invalid: [
    { sql: "alter table t2 remove partitioning", messages: ["Partition management on a not partitioned table is not possible."], level: 2 },
    { sql: "alter table t1 drop partition p0, add partition (partition p9 values less than (5))", messages: ["Syntax error, PARTITION does not support multiple clauses."] },
  ],
}, { inc: {"enable_partition_table": true} });
