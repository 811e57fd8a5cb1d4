// alter-table/drop-foreign-key: enable_foreign_key: DROP FOREIGN KEY of a name the table does not have on the target.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester({ ...LAYOUT, foreignKeys: { test: [{ table: 't1', name: 'fk_t1_t2' }] } }).run('alter-table/drop-foreign-key', {
  valid: [
    "alter table t1 drop foreign key FK_T1_T2",
    "alter table t1 drop foreign key if exists fk_none",
  ],
  invalid: [
    { sql: "alter table t1 drop foreign key fk_none", messages: ["Can't DROP 'fk_none'; check that column/key exists."], level: 2 },
  ],
}, { inc: {"enable_foreign_key": true} });
