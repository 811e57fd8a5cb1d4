// create-table/max-column-count: max_column_count limits the columns of a new table.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'create-table/max-column-count',
  {
    valid: ['create table t3 (a int, b int)'],
    invalid: [{ sql: 'create table t3 (a int, b int, c int)', messages: ["Table 't3' has too many columns(limit 2,current 3)"] }],
  },
  { inc: { max_column_count: 2 } },
);
