// identifier/upper-case: check_identifier_upper wants new names in upper case.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'identifier/upper-case',
  {
    valid: ['create table T3 (ID int, C_1 int)', 'alter table t1 add column C3 int', 'create database NEWDB'],
    invalid: [
      { sql: 'create table t3 (ID int, c1 int)', messages: ["Identifier 't3' must be capitalized.", "Identifier 'c1' must be capitalized."] },
      { sql: 'alter table t1 add column c3 int, change c2 C2 int, rename column c1 to c9', messages: ["Identifier 'c3' must be capitalized.", "Identifier 'c9' must be capitalized."] },
      { sql: 'create database newdb', messages: ["Identifier 'newdb' must be capitalized."] },
    ],
  },
  { inc: { check_identifier_upper: true } },
);
