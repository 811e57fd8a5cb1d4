// column/invalid-default: NOT NULL DEFAULT NULL; a numeric column with '' or a non-numeric string default.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('column/invalid-default', {
  valid: [
    "create table t3 (c1 int default '12', c2 decimal(10,2) default '-1.5', c3 varchar(10) default '', c4 int default null)",
    "create table t3 (c1 varchar(10) not null default 'x', c2 int not null default 0)",
  ],
  invalid: [
    { sql: "create table t3 (c1 int default '')", messages: ["Invalid default value for column 'c1'."] },
    { sql: "create table t3 (c1 int default 'abc', c2 bigint default '1x')", messages: ["Invalid default value for column 'c1'.", "Invalid default value for column 'c2'."] },
    { sql: 'create table t3 (c1 varchar(10) not null default null)', messages: ["Invalid default value for column 'c1'."] },
    { sql: "alter table t1 modify c2 int default 'n/a'", messages: ["Invalid default value for column 'c2'."] },
  ],
});
