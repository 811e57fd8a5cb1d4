// create-table/set-engine: ENGINE while enable_set_engine is off; the argument is the table.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'create-table/set-engine',
  {
    valid: ['create table t3 (id int)', { sql: 'create table t3 (id int) engine=innodb', inc: { enable_set_engine: true } }],
    invalid: [
      { sql: "alter table t1 engine=innodb", messages: ["Cannot set engine 't1'"] },{ sql: 'create table t3 (id int) engine=innodb', messages: ["Cannot set engine 't3'"] }],
  },
  { inc: { enable_set_engine: false } },
);
