// peer/ddl-blocklist: peer_ddl_blocklist: DDL on a listed table (`table` or `db.table`).
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('peer/ddl-blocklist', {
  valid: [
    "alter table t1 add column c3 int",
    { sql: "alter table t2 add column c3 int", inc: {"peer_ddl_blocklist": ""} },
  ],
  invalid: [
    { sql: "alter table T2 add column c3 int", messages: ["DDL on table 'test.T2' is blocked by peer_ddl_blocklist."], level: 2 },
    { sql: "truncate table test.t2", messages: ["DDL on table 'test.t2' is blocked by peer_ddl_blocklist."], inc: {"enable_drop_table": true} },
    { sql: "create index ix on t2 (c1)", messages: ["DDL on table 'test.t2' is blocked by peer_ddl_blocklist."], inc: {"peer_ddl_blocklist": "test.t2"}, levels: {"er_ddl_on_blocked_table": 1}, level: 1 },
    { sql: "drop index ix_c1 on t2", messages: ["表 'test.t2' 在 peer_ddl_blocklist 中, 不允许执行DDL."], inc: {"lang": "zh_cn"} },
  ],
}, { inc: {"peer_ddl_blocklist": "t9, t2"} });
