// column/change-column-type: check_column_type_change: MODIFY/CHANGE that may lose data.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('column/change-column-type', {
  valid: [
    "alter table t1 modify c1 varchar(20) not null",
    "alter table t1 modify c2 bigint",
    "alter table t1 change c2 c3 int",
    "alter table t1 change c2 c1 smallint",
  ],
  invalid: [
    { sql: "alter table t1 modify c1 varchar(5) not null", messages: ["Type conversion warning for column 't1.c1' varchar(10) -> varchar(5)."], level: 1 },
    { sql: "alter table t1 change c2 c3 smallint", messages: ["Type conversion warning for column 't1.c3' int -> smallint(6)."] },
    { sql: "alter table t1 modify c1 int", messages: ["Type conversion warning for column 't1.c1' varchar(10) -> int(11)."] },
    { sql: "alter table t2 modify c1 decimal(10,2)", messages: ["Type conversion warning for column 't2.c1' int -> decimal(10,2)."] },
  ],
});
