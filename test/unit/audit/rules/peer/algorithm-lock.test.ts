// peer/algorithm-lock: peer_require_algorithm_lock: ALTER TABLE and CREATE INDEX must state ALGORITHM= and LOCK=.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('peer/algorithm-lock', {
  valid: [
    "alter table t1 add column c3 int, algorithm = inplace, lock = none",
    "create index ix_c1 on t1 (c1) algorithm = inplace lock = none",
  ],
  invalid: [
    { sql: "alter table t1 add column c3 int", messages: ["Set ALGORITHM= and LOCK= explicitly for table 't1'."], level: 1 },
    { sql: "alter table t1 add column c3 int, algorithm = instant", messages: ["Set LOCK= explicitly for table 't1'."] },
    { sql: "create index ix_c1 on t1 (c1) lock = shared", messages: ["Set ALGORITHM= explicitly for table 't1'."] },
    { sql: "create index ix_c1 on t1 (c1) lock = shared", messages: ["请显式指定 ALGORITHM= (表 't1')."], inc: {"lang": "zh_cn"} },
  ],
}, { inc: {"peer_require_algorithm_lock": true} });
