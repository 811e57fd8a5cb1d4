// column/invalid-default: NOT NULL DEFAULT NULL; a numeric column with '' or a non-numeric string default.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('column/invalid-default', {
  valid: [
    // explicit_defaults_for_timestamp OFF: the first TIMESTAMP gets CURRENT_TIMESTAMP (with its precision), a zero date
    // is allowed by default
    { sql: 'create table t3 (a timestamp(3), b timestamp)', server: { explicitDefaultsForTimestamp: false } },
    { sql: 'create table t3 (a timestamp, b timestamp)', server: { explicitDefaultsForTimestamp: false } },
    "create table t3 (c1 int default '12', c2 decimal(10,2) default '-1.5', c3 varchar(10) default '', c4 int default null)",
    "create table t3 (c1 varchar(10) not null default 'x', c2 int not null default 0)",
    "create table t3 (c1 datetime(3) default current_timestamp(3), c2 timestamp default now(), c3 date default '2020-02-29', c4 time default '838:59:59', c5 year default 2155, c6 datetime default '0000-00-00 00:00:00')",
    { sql: "create table t3 (c1 date default '2020-00-01')", sqlMode: 'STRICT_TRANS_TABLES' },
  ],
  invalid: [
    // explicit_defaults_for_timestamp OFF: a later TIMESTAMP's implicit '0000-00-00 00:00:00' is checked as if written
    { sql: 'create table t3 (a timestamp, b timestamp, c timestamp null)', server: { explicitDefaultsForTimestamp: false }, inc: { enable_zero_date: false }, messages: ["Invalid default value for column 'b'."] },
    { sql: 'create table t3 (a timestamp not null, b timestamp not null)', server: { explicitDefaultsForTimestamp: false }, sqlMode: 'STRICT_TRANS_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE', messages: ["Invalid default value for column 'b'."] },
    { sql: "create table t3 (b timestamp not null default '0000-00-00 00:00:00')", sqlMode: 'STRICT_TRANS_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE', messages: ["Invalid default value for column 'b'."] },
    { sql: "create table t3 (c1 int default '')", messages: ["Invalid default value for column 'c1'."] },
    { sql: "create table t3 (c1 int default 'abc', c2 bigint default '1x')", messages: ["Invalid default value for column 'c1'.", "Invalid default value for column 'c2'."] },
    { sql: 'create table t3 (c1 varchar(10) not null default null)', messages: ["Invalid default value for column 'c1'."] },
    { sql: "alter table t1 modify c2 int default 'n/a'", messages: ["Invalid default value for column 'c2'."] },
    {
      sql: "create table t3 (c1 int default current_timestamp, c2 date default now(), c3 datetime(3) default current_timestamp, c4 timestamp default current_timestamp(2))",
      messages: ["Invalid default value for column 'c1'.", "Invalid default value for column 'c2'.", "Invalid default value for column 'c3'.", "Invalid default value for column 'c4'."],
    },
    {
      sql: "create table t3 (c1 date default '2020-02-30', c2 datetime default '2020-01-01 24:00:00', c3 timestamp default '1960-01-01', c4 time default '12:61', c5 year default 1800, c6 date default 'abc')",
      messages: ["Invalid default value for column 'c1'.", "Invalid default value for column 'c2'.", "Invalid default value for column 'c3'.", "Invalid default value for column 'c4'.", "Invalid default value for column 'c5'.", "Invalid default value for column 'c6'."],
    },
    { sql: "alter table t1 add c3 datetime default '0000-00-00 00:00:00', add c4 date default 0", inc: { enable_zero_date: false }, messages: ["Invalid default value for column 'c3'.", "Invalid default value for column 'c4'."] },
    { sql: "create table t3 (c1 date default '0000-00-00', c2 date default '2020-00-01')", sqlMode: 'STRICT_TRANS_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE', messages: ["Invalid default value for column 'c1'.", "Invalid default value for column 'c2'."] },
    // MySQL's precision texts stand among the default checks
    { sql: 'create table t3 (c1 datetime(7), c2 double(10) not null default null, c3 double(10,2))', messages: ["Too-big precision 7 specified for 'c1'. Maximum is 6.", "Invalid default value for column 'c2'.", 'Please specify the number of digits of type double (column: "c2").'] },
    // the date rule and the NOT NULL DEFAULT NULL rule are separate checks
    { sql: 'create table t3 (c1 int not null default current_timestamp)', messages: ["Invalid default value for column 'c1'."] },
  ],
});
