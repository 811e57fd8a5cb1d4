// create-table/wrong-table-name: a CREATE TABLE name that ends with a space.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('create-table/wrong-table-name', {
  valid: ['create table ` t3` (id int)', 'create table t3 (id int)'],
  invalid: [{ sql: 'create table `t3 ` (id int)', messages: ["Incorrect table name 't3 '"], level: 2 }],
});
