// alter-table/rename-target-exists: ALTER TABLE … RENAME TO a table that exists.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'alter-table/rename-target-exists',
  {
    valid: [
      'alter table t1 rename to t3',
    ],
    invalid: [
      { sql: 'alter table t1 rename to t2', messages: ["Table 't2' already exists."] },
    ],
  },
);
