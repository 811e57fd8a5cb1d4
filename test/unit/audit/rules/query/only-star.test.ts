// query/only-star: `*` in the select list unless enable_select_star.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'query/only-star',
  {
    valid: [
      'select id from t1 where id = 1',
      { sql: 'select * from t1 where id = 1', inc: { enable_select_star: true } },
    ],
    invalid: [
      { sql: 'select * from t1 where id = 1', messages: ['Select only star is not allowed.'] },
      { sql: 'insert into t2 select * from t2 where id = 1', messages: ['Select only star is not allowed.'] },
      // one per star field of each UNION member for SELECT; once for INSERT … SELECT and per member for a view
      { sql: 'select t1.*, t2.* from t1 join t2 on t1.id = t2.id', messages: ['Select only star is not allowed.', 'Select only star is not allowed.'] },
      { sql: 'select * from t2 union select *, 1 from t2 union select id, c1 from t2', messages: ['Select only star is not allowed.', 'Select only star is not allowed.'] },
      { sql: 'insert into t1 select t2.*, t2.* from t2 where id = 1', messages: ['Select only star is not allowed.'] },
      { sql: 'create view v1 as select * from t2 union select * from t2', messages: ['Select only star is not allowed.', 'Select only star is not allowed.'], inc: { enable_use_view: true } },
    ],
  },
);
