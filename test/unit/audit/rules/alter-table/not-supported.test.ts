// alter-table/not-supported: specs goInception does not support: DROP FOREIGN KEY with foreign keys disabled, ADD CHECK.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('alter-table/not-supported', {
  valid: [
    "alter table t1 add column c3 int",
    { sql: "alter table t1 drop foreign key fk", inc: {"enable_foreign_key": true} },
    "alter table t1 rename column c2 to c3",
  ],
  invalid: [
    { sql: "alter table t1 drop foreign key fk", messages: ["Not supported statement type."], level: 2 },
    { sql: "alter table t1 add constraint ck check (c2 > 0), add column c3 int", messages: ["Not supported statement type."] },
  ],
});
