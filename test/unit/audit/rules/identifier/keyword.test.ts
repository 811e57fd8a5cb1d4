// identifier/keyword: a new name that is a MySQL keyword, unless enable_identifer_keyword.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('identifier/keyword', {
  valid: ['create table t3 (id int, selected int, c1 int)', 'alter table t1 change c1 C1 int', { sql: 'create table t3 (`select` int)', inc: { enable_identifer_keyword: true } }],
  invalid: [
    { sql: 'create table `order` (`select` int, `Status` int)', messages: ["Identifier 'order' is keyword in MySQL.", "Identifier 'select' is keyword in MySQL.", "Identifier 'Status' is keyword in MySQL."] },
    { sql: 'alter table t1 add column `key` int', messages: ["Identifier 'key' is keyword in MySQL."] },
  ],
});
