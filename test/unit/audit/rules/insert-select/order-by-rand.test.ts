// insert-select/order-by-rand: INSERT … SELECT … ORDER BY RAND() unless enable_orderby_rand.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'insert-select/order-by-rand',
  {
    valid: [
      'insert into t2 (id, c1) select id, c2 from t1 where id > 1 order by id',
      { sql: 'insert into t2 (id, c1) select id, c2 from t1 where id > 1 order by rand()', inc: { enable_orderby_rand: true } },
    ],
    invalid: [
      { sql: 'insert into t2 (id, c1) select id, c2 from t1 where id > 1 order by rand()', messages: ['Order by rand is not allowed in select statement.'] },
    ],
  },
);
