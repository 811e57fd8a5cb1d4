// partition/not-allowed: partitioning unless enable_partition_table; other partition maintenance always.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('partition/not-allowed', {
  valid: [
    "create table t9 (id int primary key)",
    { sql: "alter table t1 add partition (partition p9 values less than (100))", inc: {"enable_partition_table": true} },
  ],
  invalid: [
    { sql: "create table t9 (id int primary key) partition by hash (id) partitions 4", messages: ["Partition is not allowed in table."], level: 1 },
    { sql: "alter table t1 remove partitioning", messages: ["Partition is not allowed in table."] },
    { sql: "alter table t1 truncate partition p0", messages: ["Partition is not allowed in table."], inc: {"enable_partition_table": true} },
  ],
});
