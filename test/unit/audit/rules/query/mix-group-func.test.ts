// query/mix-group-func: ONLY_FULL_GROUP_BY in the target's sql_mode, an aggregate and a plain column in a SELECT
// without GROUP BY (args: 1-based position, column name as written).
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

const mode = 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES';
new RuleTester(LAYOUT).run(
  'query/mix-group-func',
  {
    valid: [
      'select count(*), max(c2) from t1',
      'select c2, count(*) from t1 group by c2',
      'select 1, count(*) from t1',
      { sql: 'select c1, count(*) from t1', sqlMode: 'STRICT_TRANS_TABLES' },
    ],
    invalid: [
      { sql: 'select count(*), t1.C2 + 1 from t1', messages: ["In aggregated query without GROUP BY, expression #2 of SELECT list contains nonaggregated column 'C2'; this is incompatible with sql_mode=only_full_group_by."] },
      { sql: 'insert into t2 (id, c1) select max(id), c2 from t1 where id > 0', messages: ["In aggregated query without GROUP BY, expression #2 of SELECT list contains nonaggregated column 'c2'; this is incompatible with sql_mode=only_full_group_by."] },
    ],
  },
  { sqlMode: mode },
);
