// query/field-not-in-group-by: ONLY_FULL_GROUP_BY in the target's sql_mode, a select-list or ORDER BY item not
// covered by GROUP BY (args: position, `SELECT list` / `ORDER BY`, the item); `Can't group on` for an aggregate
// alias in GROUP BY.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

const mode = 'ONLY_FULL_GROUP_BY';
const notIn = (n: number, where: string, item: string) =>
  `Expression #${n} of ${where} is not in GROUP BY clause and contains nonaggregated column '${item}' which is not functionally dependent on columns in GROUP BY clause; this is incompatible with sql_mode=only_full_group_by.`;

new RuleTester(LAYOUT).run(
  'query/field-not-in-group-by',
  {
    valid: [
      'select c2, count(*) from t1 group by c2',
      'select c2 + 1 as k, count(*) from t1 group by k order by k',
      'select c2, count(*) from t1 group by 1 order by 2',
      // grouped by the primary key: on MySQL every column of the table depends on it
      { sql: 'select t1.id, c1, c2 from t1 group by t1.id', version: '8.0.36' },
      'select upper(c1), count(*) from t1 group by upper(c1)',
      { sql: 'select c1, c2 from t1 group by c2', sqlMode: '' },
    ],
    invalid: [
      { sql: 'select c2, c1 from t1 group by c2', messages: [notIn(2, 'SELECT list', 'c1')] },
      { sql: 'select c2, count(*) from t1 group by c2 order by c1', messages: [notIn(1, 'ORDER BY', 'c1')] },
      { sql: 'select c2, concat(c1, c2) from t1 group by c2', messages: [notIn(2, 'SELECT list', 'CONCAT(`c1`, `c2`)')] },
      { sql: 'select t2.c1 from t1 join t2 on t1.id = t2.id group by t1.id', version: '8.0.36', messages: [notIn(1, 'SELECT list', 'c1')] },
      // MariaDB does not judge functional dependence
      { sql: 'select t1.id, c1 from t1 group by t1.id', messages: [notIn(2, 'SELECT list', 'c1')] },
      { sql: 'select count(*) as n from t1 group by n', messages: ["Can't group on 'n'."], level: 2 },
    ],
  },
  { sqlMode: mode },
);
