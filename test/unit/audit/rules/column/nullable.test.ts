// column/nullable: with enable_nullable off, every column but primary keys must be NOT NULL.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'column/nullable',
  {
    valid: ['create table t3 (id int primary key, c1 int not null)', 'create table t3 (a int, b int not null, primary key (a))', { sql: 'create table t3 (c1 int)', inc: { enable_nullable: true } }],
    invalid: [
      { sql: 'create table t3 (id int primary key, c1 int, c2 int null)', messages: ["Column 'c1' in table 't3' is not allowed to been nullable.", "Column 'c2' in table 't3' is not allowed to been nullable."] },
      { sql: 'alter table t1 add column c3 int', messages: ["Column 'c3' in table 't1' is not allowed to been nullable."] },
    ],
  },
  { inc: { enable_nullable: false } },
);
