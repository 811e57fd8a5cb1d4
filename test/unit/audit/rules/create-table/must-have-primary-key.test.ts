// create-table/must-have-primary-key: check_primary_key: CREATE TABLE needs a primary key (not LIKE).
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'create-table/must-have-primary-key',
  {
    valid: [
      'create table t3 (a int primary key)',
      'create table t3 (a int, primary key (a))',
      'create table t3 like t1',
    ],
    invalid: [
      { sql: 'create table t3 (a int, unique key uk (a))', messages: ["Set a primary key for table 't3'."] },
    ],
  },
  { inc: { check_primary_key: true } },
);
