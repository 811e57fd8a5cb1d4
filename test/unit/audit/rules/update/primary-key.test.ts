// update/primary-key (peer, check_update_primary_key): UPDATE … SET of a primary-key column.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'update/primary-key',
  {
    valid: [
      'update t1 set c2 = 1 where id = 1',
      'update t1 a join t2 b on a.id = b.id set a.c2 = b.id where b.c1 = 1',
    ],
    invalid: [
      { sql: 'update t1 set id = id + 100 where id = 1', messages: ["Update of primary key column 't1.id' is not allowed."] },
      { sql: 'update t1 a join t2 b on a.id = b.id set a.c2 = 1, b.id = 3 where a.id = 1', messages: ["Update of primary key column 't2.id' is not allowed."] },
    ],
  },
  { inc: { check_update_primary_key: true } },
);
