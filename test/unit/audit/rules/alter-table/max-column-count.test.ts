// alter-table/max-column-count: ADD COLUMN past max_column_count (live columns before the spec + the spec's).
import { RuleTester } from '../../../../support/rule-tester.js';

const tester = new RuleTester({ tables: ['create table t1 (id int primary key, c1 int, c2 int as (c1 + 1))'] });
tester.run(
  'alter-table/max-column-count',
  {
    valid: ['alter table t1 add c3 int', 'alter table t1 drop c1, add (c3 int, c4 int)', 'alter table t1 modify c1 bigint'],
    invalid: [
      { sql: 'alter table t1 add (c3 int, c4 int)', messages: ["Table 't1' has too many columns(limit 3,current 4)"], level: 1 },
      // the existing c1 counts in its spec; the next spec sees c3 added
      { sql: 'alter table t1 add c1 int, add c3 int, add c4 int', messages: ["Table 't1' has too many columns(limit 3,current 4)"] },
      { sql: 'alter table T1 add c3 int', before: ['alter table t1 add c5 int as (c1 * 2), add c6 int'], messages: ["Table 't1' has too many columns(limit 3,current 4)"] },
    ],
  },
  { inc: { max_column_count: 3 } },
);
