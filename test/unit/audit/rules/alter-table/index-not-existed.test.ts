// alter-table/index-not-existed: ALTER INDEX … VISIBLE/INVISIBLE of an index the table lacks (case-sensitive).
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('alter-table/index-not-existed', {
  valid: [
    "alter table t1 alter index ix_c2 invisible",
    "alter table t1 add index ix_new (c1), alter index ix_new visible",
  ],
  invalid: [
    { sql: "alter table t1 alter index IX_C2 invisible", messages: ["Index 't1.IX_C2' does not exist"], level: 2 },
  ],
});
