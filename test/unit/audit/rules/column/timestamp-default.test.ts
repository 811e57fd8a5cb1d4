// column/timestamp-default: check_timestamp_default: a TIMESTAMP column without DEFAULT.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('column/timestamp-default', {
  valid: [
    "create table t9 (id int primary key, ts timestamp default current_timestamp, d datetime)",
  ],
  invalid: [
    { sql: "create table t9 (id int primary key, ts timestamp null)", messages: ["Set default value for timestamp column 'ts'."], level: 1 },
    { sql: "alter table t1 add column ts2 timestamp", messages: ["Set default value for timestamp column 'ts2'."] },
  ],
}, { inc: {"check_timestamp_default": true} });
