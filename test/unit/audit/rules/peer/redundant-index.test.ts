// peer/redundant-index: peer_redundant_index: a non-unique index that is a left prefix of another, or makes one redundant.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('peer/redundant-index', {
  valid: [
    "alter table t1 add index ix_c1 (c1)",
    "alter table t1 add unique key uk_c2_c1 (c2, c1)",
    { sql: "create index ix_c2b on t1 (c2)", inc: {"peer_redundant_index": false} },
    // level 0 in [inc_level] silences it
    { sql: "create index ix_c2b on t1 (c2)", levels: {"er_redundant_index": 0} },
  ],
  invalid: [
    { sql: "create index ix_c2b on t1 (c2)", messages: ["Index 'ix_c2b' on table 't1' is redundant: (c2) is a left prefix of index 'ix_c2' (c2)."], level: 1 },
    { sql: "alter table t1 add index ix_c2_c1 (c2, c1)", messages: ["Index 'ix_c2' on table 't1' is redundant: (c2) is a left prefix of index 'ix_c2_c1' (c2,c1)."], levels: {"er_redundant_index": 2}, level: 2 },
    { sql: "create index ix_c2b on t1 (c2)", messages: ["索引 'ix_c2b' (表 't1') 是冗余的: (c2) 是索引 'ix_c2' (c2) 的最左前缀."], inc: {"lang": "zh_cn"} },
    { sql: "create table t9 (id int primary key, a int, b int, key ix_a (a), key ix_ab (a, b))", messages: ["Index 'ix_a' on table 't9' is redundant: (a) is a left prefix of index 'ix_ab' (a,b)."] },
  ],
}, { inc: {"peer_redundant_index": true} });
