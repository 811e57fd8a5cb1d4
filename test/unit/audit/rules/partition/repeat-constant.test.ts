// partition/repeat-constant: enable_partition_table: a VALUES constant repeated among partitions, or equal to an existing partition.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester({ ...LAYOUT, partitions: { 'test.t1': [{ name: 'p0', description: '10' }, { name: 'p1', description: 'MAXVALUE' }] } }).run('partition/repeat-constant', {
  valid: [
    "create table t9 (id int primary key) partition by list (id) (partition a values in (1, 2), partition b values in (3))",
    "alter table t1 add partition (partition p2 values less than (20))",
  ],
  invalid: [
    { sql: "create table t9 (c varchar(5) primary key) partition by list columns (c) (partition a values in ('x', 'y'), partition b values in ('y'))", messages: ["Duplicate partition constant definition: '\"y\"'"], level: 2 },
    { sql: "alter table t1 add partition (partition p9 values less than (10))", messages: ["Duplicate partition constant definition: '10'"] },
  ],
}, { inc: {"enable_partition_table": true} });
