// create-table/set-charset: a table CHARSET while enable_set_charset is off (the default).
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('create-table/set-charset', {
  valid: ['create table t3 (id int) engine=innodb', { sql: 'create table t3 (id int) default charset=utf8mb4', inc: { enable_set_charset: true } }],
  invalid: [
      { sql: "alter table t1 default charset utf8mb4", messages: ["Not allowed set charset for table 't1'."] },
    { sql: 'create table t3 (id int) default charset=utf8mb4', messages: ["Not allowed set charset for table 't3'."] },
    { sql: 'create table t3 (id int) character set utf8', messages: ["Not allowed set charset for table 't3'."] },
  ],
});
