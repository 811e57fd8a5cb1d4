// insert-select/lock (peer, check_insert_select_lock): INSERT … SELECT locks the rows it reads.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'insert-select/lock',
  {
    valid: [
      'insert into t2 (id, c1) values (1, 2)',
      'insert into t2 (id, c1) select 1, 2',
    ],
    invalid: [
      { sql: 'insert into t2 (id, c1) select id, c2 from t1 where id > 1', messages: ["INSERT ... SELECT locks the rows it reads from table 't1'."] },
      { sql: 'insert into t2 (id, c1) select a.id, b.c1 from t1 a join test.t2 b on a.id = b.id where a.id > 1', messages: ["INSERT ... SELECT locks the rows it reads from table 't1,test.t2'."] },
    ],
  },
  { inc: { check_insert_select_lock: true } },
);
