// create-view/view-support: CREATE VIEW is refused unless enable_use_view; nothing else is checked then.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'create-view/view-support',
  {
    valid: [
      { sql: 'create view v1 as select id from t1', inc: { enable_use_view: true } },
    ],
    invalid: [
      { sql: 'create view v1 as select id from t1', messages: ["Not allowed to create or use views 'v1'."] },
      { sql: 'create view nosuchdb.v1 as select id from t1', messages: ["Not allowed to create or use views 'v1'."] },
    ],
  },
);
