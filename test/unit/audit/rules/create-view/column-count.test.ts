// create-view/column-count: CREATE VIEW's column list and each SELECT of the view must have as many columns.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'create-view/column-count',
  {
    valid: [
      'create view v1 (a, b) as select id, c1 from t1',
      'create view v1 (a, b, c) as select * from t1',
      'create view v1 (a) as select id from t1 union select c1 from t2',
      'create view v1 as select id, c1 from t1',
      // a star that cannot be expanded is not counted
      'create view v1 (a) as select * from t9',
    ],
    invalid: [
      { sql: 'create view v1 (a, b) as select id from t1', messages: ["View's SELECT and view's field list have different column counts"], level: 2 },
      { sql: 'create view v1 (a, b) as select * from t2 union select id, c1, c2 from t1 union all select 1, 2', messages: ["View's SELECT and view's field list have different column counts"] },
      { sql: 'create view v1 (a) as select id, c1 from t1 union select 1, 2', messages: ["View's SELECT and view's field list have different column counts", "View's SELECT and view's field list have different column counts"] },
    ],
  },
  { inc: { enable_use_view: true } },
);
