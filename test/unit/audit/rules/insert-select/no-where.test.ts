// insert-select/no-where: check_dml_where: INSERT … SELECT reading tables without WHERE.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'insert-select/no-where',
  {
    valid: [
      'insert into t2 (id, c1) select id, c2 from t1 where id > 1',
      'insert into t2 (id, c1) select 1, 2',
    ],
    invalid: [
      { sql: 'insert into t2 (id, c1) select id, c2 from t1', messages: ['Please set the where condition.'] },
    ],
  },
  { inc: { check_dml_where: true } },
);
