// alter-table/dup-keyname: RENAME INDEX to a name the table already has.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'alter-table/dup-keyname',
  {
    valid: [
      'alter table t1 rename index ix_c2 to ix_c2b',
    ],
    invalid: [
      { sql: 'alter table t1 rename index ix_c2 to `PRIMARY`', messages: ["Duplicate key name 'PRIMARY'."] },
    ],
  },
);
