// alter-table/cant-drop-key: DROP INDEX / DROP PRIMARY KEY / RENAME INDEX of an index the table lacks.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'alter-table/cant-drop-key',
  {
    valid: [
      'alter table t1 drop index ix_c2',
      'drop index ix_c2 on t1',
      'alter table t1 drop primary key',
    ],
    invalid: [
      { sql: 'alter table t1 drop index nope', messages: ["Can't DROP 't1.nope'; check that column/key exists."] },
      { sql: 'drop index nope on t1', messages: ["Can't DROP 't1.nope'; check that column/key exists."] },
      { sql: 'alter table t2 drop index id, drop primary key, drop primary key', messages: ["Can't DROP 't2.id'; check that column/key exists.", "Can't DROP 't2.PRIMARY'; check that column/key exists."] },
    ],
  },
);
