// create-table/foreign-key: FOREIGN KEY in CREATE TABLE or ALTER ADD unless enable_foreign_key.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('create-table/foreign-key', {
  valid: ['create table t3 (id int, pid int, key ix (pid))', { sql: 'create table t3 (pid int, foreign key (pid) references t2 (id))', inc: { enable_foreign_key: true } }],
  invalid: [
    {
      sql: 'create table t3 (id int, pid int, foreign key (pid) references t2 (id), constraint fk1 foreign key (id) references t2 (id))',
      messages: ["Foreign key is not allowed in table 't3'.", "Foreign key is not allowed in table 't3'."],
      level: 2,
    },
    { sql: 'alter table t1 add constraint fk2 foreign key (c2) references t2 (id)', messages: ["Foreign key is not allowed in table 't1'."] },
  ],
});
