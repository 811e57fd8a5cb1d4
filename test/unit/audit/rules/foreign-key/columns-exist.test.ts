// foreign-key/columns-exist: enable_foreign_key: FK columns and referenced columns must exist.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('foreign-key/columns-exist', {
  valid: [
    "create table t9 (id int primary key, pid int, foreign key (pid) references t2 (id))",
    "create table t9 (id int primary key, pid int, foreign key (pid) references t9 (id))",
  ],
  invalid: [
    { sql: "create table t9 (id int primary key, pid int, foreign key (px) references t2 (c9))", messages: ["Column 't9.px' not existed.", "Column 't2.c9' not existed."], level: 2 },
    { sql: "alter table t1 add constraint fk foreign key (c2) references t1 (nope)", messages: ["Column 't1.nope' not existed."] },
  ],
}, { inc: {"enable_foreign_key": true} });
