// dml/insert-field-list: check_insert_field: INSERT/REPLACE without a column list.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'dml/insert-field-list',
  {
    valid: [
      'insert into t2 (id, c1) values (1, 2)',
    ],
    invalid: [
      { sql: 'insert into t2 values (1, 2)', messages: ['Set the field list for insert statements.'] },
      { sql: 'replace into t2 values (1, 2)', messages: ['Set the field list for insert statements.'] },
      { sql: 'insert into nosuch values (1)', messages: ['Set the field list for insert statements.', "Table 'test.nosuch' doesn't exist."] },
    ],
  },
  { inc: { check_insert_field: true } },
);
