// column/invalid-on-update: ON UPDATE on a non TIMESTAMP/DATETIME column or not CURRENT_TIMESTAMP.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('column/invalid-on-update', {
  valid: [
    "create table t9 (id int primary key, ts timestamp default current_timestamp on update current_timestamp, d datetime(3) on update now(3))",
  ],
  invalid: [
    { sql: "create table t9 (id int primary key, n int on update current_timestamp)", messages: ["Invalid ON UPDATE clause for 'n' column"], level: 2 },
    { sql: "alter table t1 add column d date on update current_timestamp", messages: ["Invalid ON UPDATE clause for 'd' column"] },
  ],
});
