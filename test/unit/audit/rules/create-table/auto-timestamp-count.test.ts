// create-table/auto-timestamp-count: more than one TIMESTAMP with DEFAULT / ON UPDATE CURRENT_TIMESTAMP.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('create-table/auto-timestamp-count', {
  valid: [
    // explicit_defaults_for_timestamp ON: `a` has no default
    "create table t9 (id int primary key, a timestamp not null, b timestamp default current_timestamp)",
    // OFF: only the first TIMESTAMP without default gets CURRENT_TIMESTAMP
    { sql: "create table t9 (id int primary key, a timestamp not null, b timestamp not null)", server: { explicitDefaultsForTimestamp: false } },
    "create table t9 (id int primary key, a timestamp default current_timestamp, b timestamp null on update current_timestamp)",
    { sql: "create table t9 (id int primary key, a timestamp default current_timestamp, b timestamp default current_timestamp)", inc: {"check_timestamp_count": false} },
  ],
  invalid: [
    // OFF: the implicit DEFAULT / ON UPDATE CURRENT_TIMESTAMP of `a` counts
    { sql: "create table t9 (id int primary key, a timestamp not null, b timestamp default current_timestamp)", server: { explicitDefaultsForTimestamp: false }, messages: ["Incorrect table definition; there can be only one TIMESTAMP column with CURRENT_TIMESTAMP in DEFAULT or ON UPDATE clause"] },
    { sql: "create table t9 (id int primary key, a timestamp default current_timestamp, b timestamp default now())", messages: ["Incorrect table definition; there can be only one TIMESTAMP column with CURRENT_TIMESTAMP in DEFAULT or ON UPDATE clause"], level: 2 },
  ],
});
