// create-table/column-specifier: the last AUTO_INCREMENT column of a type that cannot auto-increment.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('create-table/column-specifier', {
  valid: ['create table t3 (id bigint auto_increment primary key)', 'create table t3 (id double auto_increment primary key)', 'create table t3 (id decimal(10) primary key)'],
  invalid: [
    { sql: 'create table t3 (id decimal(10) auto_increment primary key)', messages: ["Incorrect column specifier for column 'id'."], level: 2 },
    { sql: 'create table t3 (id int auto_increment, c1 varchar(10) auto_increment, key (id))', messages: ["Incorrect column specifier for column 'c1'."] },
  ],
});
