// column/on-update-precision: ON UPDATE CURRENT_TIMESTAMP(n) with n other than the column's precision.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('column/on-update-precision', {
  valid: ['create table t3 (c1 datetime(3) on update current_timestamp(3), c2 timestamp on update current_timestamp, c3 timestamp(0) on update now())'],
  invalid: [
    { sql: 'create table t3 (c1 datetime(3) on update current_timestamp, c2 timestamp on update current_timestamp(6))', messages: ["Invalid ON UPDATE clause for 'c1' column.", "Invalid ON UPDATE clause for 'c2' column."], level: 2 },
    { sql: 'alter table t1 add c3 timestamp(2) on update current_timestamp(1)', messages: ["Invalid ON UPDATE clause for 'c3' column."] },
  ],
});
