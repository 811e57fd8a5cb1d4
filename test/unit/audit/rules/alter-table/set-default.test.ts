// alter-table/set-default: ALTER COLUMN … SET DEFAULT '' on a numeric or YEAR column (tinyint not included).
import { RuleTester } from '../../../../support/rule-tester.js';

new RuleTester({ tables: ['create table t1 (id int primary key, c1 varchar(10), c2 tinyint, c3 decimal(10,2), c4 year, c5 bigint)'] }).run('alter-table/set-default', {
  valid: ["alter table t1 alter column c1 set default ''", "alter table t1 alter c2 set default ''", "alter table t1 alter c3 set default '1.5'", 'alter table t1 alter c3 drop default'],
  invalid: [
    { sql: "alter table t1 alter column C3 set default '', alter c4 set default '', alter c5 set default ''", messages: ["Invalid default value for column 'C3'.", "Invalid default value for column 'c4'.", "Invalid default value for column 'c5'."], level: 2 },
  ],
});
