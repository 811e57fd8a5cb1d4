// column/autoinc-name: check_autoincrement_name warns about auto_increment columns not named id.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'column/autoinc-name',
  {
    valid: ['create table t3 (ID int auto_increment primary key, c1 int)'],
    invalid: [
      { sql: 'create table t3 (uid int auto_increment primary key)', messages: ["Auto increment column 'uid' is meaningful? it's dangerous!"] },
      { sql: 'alter table t2 change id uid int auto_increment', messages: ["Auto increment column 'uid' is meaningful? it's dangerous!"] },
    ],
  },
  { inc: { check_autoincrement_name: true } },
);
