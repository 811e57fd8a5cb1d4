// column/timestamp-null-default: DEFAULT NULL on a nullable TIMESTAMP column, refused by MySQL before 5.7.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('column/timestamp-null-default', {
  valid: [
    'create table t3 (c1 timestamp null default null)',
    { sql: 'create table t3 (c1 timestamp null default null)', version: '5.7.30-log' },
    { sql: 'create table t3 (c1 timestamp null default current_timestamp)', version: '5.6.40-log' },
  ],
  invalid: [
    { sql: 'create table t3 (c1 timestamp null default null, c2 timestamp default null)', version: '5.6.40-log', messages: ["Invalid default value for column 'c1'.", "Invalid default value for column 'c2'."], level: 2 },
  ],
});
