// drop-table/cant-drop-table: DROP/TRUNCATE TABLE are refused unless enable_drop_table.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'drop-table/cant-drop-table',
  {
    valid: [
      { sql: 'drop table t2', inc: { enable_drop_table: true } },
      { sql: 'truncate table t2', inc: { enable_drop_table: true } },
    ],
    invalid: [
      { sql: 'drop table t1, t2', messages: ["Drop/truncate 't1' is not allowed, please replace with alter rename statement.", "Drop/truncate 't2' is not allowed, please replace with alter rename statement."] },
      { sql: 'truncate table nosuch', messages: ["Drop/truncate 'nosuch' is not allowed, please replace with alter rename statement."] },
    ],
  },
);
