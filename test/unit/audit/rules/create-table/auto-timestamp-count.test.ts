// create-table/auto-timestamp-count: more than one TIMESTAMP with DEFAULT / ON UPDATE CURRENT_TIMESTAMP.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('create-table/auto-timestamp-count', {
  valid: [
    "create table t9 (id int primary key, a timestamp default current_timestamp, b timestamp null on update current_timestamp)",
    { sql: "create table t9 (id int primary key, a timestamp default current_timestamp, b timestamp default current_timestamp)", inc: {"check_timestamp_count": false} },
  ],
  invalid: [
    { sql: "create table t9 (id int primary key, a timestamp default current_timestamp, b timestamp default now())", messages: ["Incorrect table definition; there can be only one TIMESTAMP column with CURRENT_TIMESTAMP in DEFAULT or ON UPDATE clause"], level: 2 },
  ],
});
