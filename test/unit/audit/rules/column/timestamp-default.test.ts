// column/timestamp-default: check_timestamp_default: a TIMESTAMP column without DEFAULT.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('column/timestamp-default', {
  valid: [
    // explicit_defaults_for_timestamp OFF: CREATE TABLE's TIMESTAMPs not declared NULL get a default from the target
    { sql: "create table t9 (id int primary key, a timestamp, b timestamp not null)", server: { explicitDefaultsForTimestamp: false } },
    "create table t9 (id int primary key, ts timestamp default current_timestamp, d datetime)",
  ],
  invalid: [
    // … but a TIMESTAMP declared NULL gets none, and ALTER's ADD COLUMN is not given one
    { sql: "create table t9 (id int primary key, a timestamp, b timestamp null)", server: { explicitDefaultsForTimestamp: false }, messages: ["Set default value for timestamp column 'b'."] },
    { sql: "alter table t1 add column ts2 timestamp", server: { explicitDefaultsForTimestamp: false }, messages: ["Set default value for timestamp column 'ts2'."] },
    { sql: "create table t9 (id int primary key, ts timestamp null)", messages: ["Set default value for timestamp column 'ts'."], level: 1 },
    { sql: "alter table t1 add column ts2 timestamp", messages: ["Set default value for timestamp column 'ts2'."] },
  ],
}, { inc: {"check_timestamp_default": true} });
