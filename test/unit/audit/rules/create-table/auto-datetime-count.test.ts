// create-table/auto-datetime-count: check_datetime_count: more than one DATETIME with DEFAULT / ON UPDATE CURRENT_TIMESTAMP.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('create-table/auto-datetime-count', {
  valid: [
    "create table t9 (id int primary key, a datetime default current_timestamp, b datetime on update current_timestamp)",
  ],
  invalid: [
    { sql: "create table t9 (id int primary key, a datetime on update current_timestamp, b datetime on update current_timestamp)", messages: ["Incorrect table definition; there can be only one DATETIME column with CURRENT_TIMESTAMP in DEFAULT or ON UPDATE clause"], level: 2 },
  ],
}, { inc: {"check_datetime_count": true} });
