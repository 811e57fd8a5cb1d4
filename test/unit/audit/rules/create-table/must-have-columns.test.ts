// create-table/must-have-columns: CREATE TABLE without columns and without LIKE / AS SELECT.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'create-table/must-have-columns',
  {
    valid: [
      'create table t3 (a int)',
      'create table t3 like t1',
    ],
    invalid: [
      { sql: 'create table t3 (primary key (a))', messages: ['A table must have at least 1 column.'] },
    ],
  },
);
