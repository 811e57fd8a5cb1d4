// partition/same-name: enable_partition_table: a partition name twice in one list, or ADD PARTITION of an existing name.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester({ ...LAYOUT, partitions: { 'test.t1': [{ name: 'p0', description: '10' }, { name: 'p1', description: 'MAXVALUE' }] } }).run('partition/same-name', {
  valid: [
    "create table t9 (id int primary key) partition by range (id) (partition a values less than (1), partition b values less than (2))",
    "alter table t1 add partition (partition p2 values less than (20))",
  ],
  invalid: [
    { sql: "create table t9 (id int primary key) partition by range (id) (partition a values less than (1), partition A values less than (2), partition a values less than (3))", messages: ["Duplicate partition name A"], level: 2 },
    { sql: "alter table t1 add partition (partition P0 values less than (20))", messages: ["Duplicate partition name p0"] },
  ],
}, { inc: {"enable_partition_table": true} });
