// column/autoinc-type: check_autoincrement_datatype wants auto_increment columns of INT, MEDIUMINT or BIGINT.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'column/autoinc-type',
  {
    valid: ['create table t3 (id bigint auto_increment primary key)', 'create table t3 (id mediumint auto_increment primary key, c1 tinyint)'],
    invalid: [{ sql: 'create table t3 (id tinyint auto_increment primary key)', messages: ['Set auto-increment data type to int or bigint.'], level: 2 }],
  },
  { inc: { check_autoincrement_datatype: true } },
);
