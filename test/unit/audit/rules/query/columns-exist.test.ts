// query/columns-exist: Column references must resolve against the tables in scope.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'query/columns-exist',
  {
    valid: [
      'select c1 from t1 where id = 1',
      'update t1 set c2 = c2 + 1 where c1 = 1',
      // multi-table UPDATE / DELETE: aliases, derived tables, subqueries, DELETE … USING
      'update t1 a join (select id, c1 from t2) d on a.id = d.id set a.c2 = d.c1 where d.c1 > 0',
      'update t1 set c2 = (select max(c1) from t2 where t2.id = t1.id) where id in (select id from t2)',
      'delete a from t1 a join t2 b on a.id = b.id where b.c1 = 1',
      'delete from a using t1 a join t2 b on a.id = b.id where b.c1 = 1',
    ],
    invalid: [
      { sql: 'select c9 from t1 where id = 1', messages: ["Column 'c9' not existed."] },
      { sql: 'update t1 set c2 = 1 where t1.c8 = 1', messages: ["Column 't1.c8' not existed."] },
      // the first SET column belongs to no table: reported alone (qualifier lower-cased), nothing else is checked
      { sql: 'update t1 set c9 = 1, c10 = 2 where zz = 1', messages: ["Column 'c9' not existed."] },
      { sql: 'update t1 a join t2 b on a.id = b.id set B.zz = 1, a.c10 = 2', messages: ["Column 'b.zz' not existed."] },
      // a later SET column of a one-table UPDATE is qualified by the table's alias or name
      { sql: 'update t1 set c1 = 1, c10 = 2 where id = 1', messages: ["Column 't1.c10' not existed."] },
      { sql: 'update t1 a set c1 = 1, c10 = 2 where id = 1', messages: ["Column 'a.c10' not existed."] },
      { sql: 'update t1 a join (select id from t2) d on a.id = d.id set a.c2 = d.c1', messages: ["Column 'd.c1' not existed."] },
      { sql: 'delete a from t1 a join t2 b on a.id = b.id where b.c9 = 1', messages: ["Column 'b.c9' not existed."] },
    ],
  },
);
