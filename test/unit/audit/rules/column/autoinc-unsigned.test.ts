// column/autoinc-unsigned: enable_autoincrement_unsigned turns on the UNSIGNED check of auto_increment columns.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'column/autoinc-unsigned',
  {
    valid: ['create table t3 (id int unsigned auto_increment primary key)', { sql: 'create table t3 (id int auto_increment primary key)', inc: { enable_autoincrement_unsigned: false } }],
    invalid: [
      { sql: 'create table t3 (id int auto_increment primary key)', messages: ["Set unsigned attribute on auto increment column in table 't3'."] },
      { sql: 'alter table t2 modify id bigint auto_increment', messages: ["Set unsigned attribute on auto increment column in table 't2'."] },
    ],
  },
  { inc: { enable_autoincrement_unsigned: true } },
);
