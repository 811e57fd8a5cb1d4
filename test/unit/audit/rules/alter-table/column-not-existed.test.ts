// alter-table/column-not-existed: A column the table lacks in DROP/MODIFY/CHANGE/AFTER or an index.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'alter-table/column-not-existed',
  {
    valid: [
      'alter table t1 drop column c2',
      'alter table t1 add column c3 int after c1',
      'create index ix_c1 on t1 (c1)',
    ],
    invalid: [
      { sql: 'alter table t1 drop column c9', messages: ["Column 't1.c9' not existed."] },
      { sql: 'alter table t1 modify c9 int, add column c3 int after c8', messages: ["Column 't1.c9' not existed.", "Column 't1.c8' not existed."] },
      { sql: 'create index ix_c9 on t1 (c9)', messages: ["Column 't1.c9' not existed."] },
    ],
  },
);
