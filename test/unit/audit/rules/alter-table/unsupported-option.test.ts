// alter-table/unsupported-option: ALTER TABLE options other than ENGINE, CHARSET, COLLATE, COMMENT, AUTO_INCREMENT.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('alter-table/unsupported-option', {
  valid: [
    "alter table t1 comment 'x', auto_increment = 10",
    "alter table t1 engine = innodb",
  ],
  invalid: [
    { sql: "alter table t1 row_format = dynamic", messages: ["Not supported statement of alter option"], level: 1 },
    { sql: "alter table t1 key_block_size = 8 stats_persistent = 1", messages: ["Not supported statement of alter option", "Not supported statement of alter option"] },
  ],
});
