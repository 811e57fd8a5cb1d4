// create-table/set-collation: a table COLLATE while enable_set_collation is off (the default).
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('create-table/set-collation', {
  valid: ['create table t3 (id int) default charset=utf8mb4', { sql: 'create table t3 (id int) collate=utf8mb4_bin', inc: { enable_set_collation: true } }],
  invalid: [
      { sql: "alter table t1 collate utf8mb4_bin", messages: ["Not allowed set collation for table 't1'."] },{ sql: 'create table t3 (id int) collate=utf8mb4_bin', messages: ["Not allowed set collation for table 't3'."] }],
});
