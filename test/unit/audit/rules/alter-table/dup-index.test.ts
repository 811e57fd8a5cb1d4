// alter-table/dup-index: A new index whose name the table already has.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'alter-table/dup-index',
  {
    valid: [
      'alter table t1 add index ix_c1 (c1)',
      'alter table t1 drop index ix_c2, add index ix_c2 (c1)',
    ],
    invalid: [
      { sql: 'alter table t1 add index ix_c2 (c1)', messages: ["Duplicate index 'ix_c2' defined on the table 'test.t1'."] },
      { sql: 'create index ix_c2 on t1 (c1)', messages: ["Duplicate index 'ix_c2' defined on the table 'test.t1'."] },
    ],
  },
);
