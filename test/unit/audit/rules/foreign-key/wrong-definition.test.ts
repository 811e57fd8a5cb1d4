// foreign-key/wrong-definition: enable_foreign_key: FK column count differs from the referenced column count.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('foreign-key/wrong-definition', {
  valid: [
    "create table t9 (id int primary key, pid int, constraint fk foreign key (pid) references t2 (id))",
  ],
  invalid: [
    { sql: "create table t9 (id int primary key, pid int, constraint fk_x foreign key (pid, id) references t2 (id))", messages: ["Incorrect foreign key definition for 'fk_x': Key reference and table reference don't match"], level: 2 },
    { sql: "alter table t1 add foreign key (c2) references t2 (id, c1)", messages: ["Incorrect foreign key definition for '': Key reference and table reference don't match"] },
  ],
}, { inc: {"enable_foreign_key": true} });
