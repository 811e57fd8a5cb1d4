// create-table/auto-increment-init: check_autoincrement_init_value refuses AUTO_INCREMENT=n with n > 1.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'create-table/auto-increment-init',
  {
    valid: ['create table t3 (id int auto_increment primary key) auto_increment=1', 'create table t3 (id int)'],
    invalid: [{ sql: 'create table t3 (id int auto_increment primary key) auto_increment=100', messages: ['Set auto-increment initialize value to 1.'] }],
  },
  { inc: { check_autoincrement_init_value: true } },
);
