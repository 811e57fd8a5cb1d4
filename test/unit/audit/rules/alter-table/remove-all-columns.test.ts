// alter-table/remove-all-columns: DROP COLUMN of the last live column.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('alter-table/remove-all-columns', {
  valid: [
    "alter table t2 drop column c1",
    "alter table t2 drop column c1, add column c2 int, drop column id",
  ],
  invalid: [
    { sql: "alter table t2 drop column c1, drop column id", messages: ["You can't delete all columns with ALTER TABLE; use DROP TABLE instead"], level: 2 },
  ],
});
