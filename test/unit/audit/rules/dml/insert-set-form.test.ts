// dml/insert-set-form: INSERT … SET has no VALUES list.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'dml/insert-set-form',
  {
    valid: [
      'insert into t2 (id, c1) values (1, 2)',
    ],
    invalid: [
      { sql: 'insert into t2 set id = 1, c1 = 2', messages: ['Set the values list for insert statements.'] },
    ],
  },
);
