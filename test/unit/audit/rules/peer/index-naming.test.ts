// peer/index-naming: peer_index_name_template / peer_unique_name_template with {{table}} and {{column_list}}.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('peer/index-naming', {
  valid: [
    "alter table t1 add index idx_t1_c1_c2 (c1, c2), add unique key UK_T1_C1 (c1)",
    "create table t9 (id int primary key, a int unique)",
  ],
  invalid: [
    { sql: "alter table t1 add index ix (c1, c2)", messages: ["Index 'ix' on table 't1' should be named 'idx_t1_c1_c2'."], level: 1 },
    { sql: "create unique index u on t1 (c1)", messages: ["Index 'u' on table 't1' should be named 'uk_t1_c1'."] },
    { sql: "create unique index u on t1 (c1)", messages: ["索引 'u' (表 't1') 应命名为 'uk_t1_c1'."], inc: {"lang": "zh_cn"} },
  ],
}, { inc: {"peer_index_name_template": "idx_{{table}}_{{column_list}}", "peer_unique_name_template": "uk_{{ table }}_{{column_list}}"} });
