// query/max-join-tables (peer, max_join_tables): a query level joining more tables than the limit.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'query/max-join-tables',
  {
    valid: [
      'select a.id from t1 a join t2 b on a.id = b.id',
      'update t1 a join t2 b on a.id = b.id set a.c2 = 1 where b.c1 = 1',
      { sql: 'select a.id from t1 a join t2 b on a.id = b.id join t2 c on c.id = a.id', inc: { max_join_tables: 0 } },
    ],
    invalid: [
      { sql: 'select a.id from t1 a join t2 b on a.id = b.id join t2 c on c.id = a.id', messages: ['Too many tables joined (3 tables, max 2).'] },
      { sql: 'delete a from t1 a, t2 b, t2 c where a.id = b.id and b.id = c.id', messages: ['Too many tables joined (3 tables, max 2).'] },
      { sql: 'update t1 a join t2 b on a.id = b.id join t2 c on c.id = b.id set a.c2 = 1 where a.id = 1', messages: ['Too many tables joined (3 tables, max 2).'] },
    ],
  },
  { inc: { max_join_tables: 2 } },
);
