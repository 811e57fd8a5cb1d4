// create-table/duplicate-column: A column name repeated in CREATE TABLE (case-insensitively).
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'create-table/duplicate-column',
  {
    valid: [
      'create table t3 (a int, b int)',
    ],
    invalid: [
      { sql: 'create table t3 (a int, A int)', messages: ["Duplicate column name 'A'."] },
    ],
  },
);
