// column/default-value: check_column_default_value wants a DEFAULT on every column but TIMESTAMP, BLOB/TEXT/JSON,
// auto_increment and primary key columns.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'column/default-value',
  {
    valid: [
      "create table t3 (id int auto_increment primary key, c1 int default 0, c2 text, c3 timestamp, c4 json, c5 varchar(10) default '')",
      'create table t3 (a int, b int, primary key (a, b))',
      "create table t3 (c1 int default 0, c2 int as (c1 + 1), c3 bit default b'0')",
      { sql: 'create table t3 (c1 int)', inc: { check_column_default_value: false } },
    ],
    invalid: [
      { sql: 'create table t3 (id int primary key, c1 int, c2 varchar(10))', messages: ["Set Default value for column 'c1' in table 't3'", "Set Default value for column 'c2' in table 't3'"] },
      { sql: 'alter table t1 add column c3 int', messages: ["Set Default value for column 'c3' in table 't1'"] },
      { sql: 'create table t3 (c1 bit default null)', messages: ["Set Default value for column 'c1' in table 't3'"] },
      // goInception skips this check for a primary-key column without NOT NULL; inceptor does not skip the others
      { sql: 'create table t3 (id int, c1 int, primary key (id))', messages: ["Set Default value for column 'c1' in table 't3'"] },
    ],
  },
  { inc: { check_column_default_value: true } },
);
