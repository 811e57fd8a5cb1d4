// create-table/multiple-primary-key: More than one PRIMARY KEY definition.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'create-table/multiple-primary-key',
  {
    valid: [
      'create table t3 (a int, b int, primary key (a, b))',
    ],
    invalid: [
      { sql: 'create table t3 (a int primary key, b int, primary key (b))', messages: ['Multiple primary key defined.'] },
    ],
  },
);
