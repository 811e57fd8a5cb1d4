// foreign-key/duplicate-name: enable_foreign_key: a FK name the database already uses on the target.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester({ ...LAYOUT, foreignKeys: { test: [{ table: 't1', name: 'fk_t1_t2' }] } }).run('foreign-key/duplicate-name', {
  valid: [
    "alter table t2 add constraint fk_other foreign key (c1) references t1 (id)",
  ],
  invalid: [
    { sql: "alter table t2 add constraint FK_T1_T2 foreign key (c1) references t1 (id)", messages: ["Duplicate foreign key constraint name 'FK_T1_T2'"], level: 2 },
  ],
}, { inc: {"enable_foreign_key": true} });
