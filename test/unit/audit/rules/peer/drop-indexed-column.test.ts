// peer/drop-indexed-column: peer_drop_indexed_column: DROP COLUMN of a column an index uses.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('peer/drop-indexed-column', {
  valid: [
    "alter table t1 drop column c1",
  ],
  invalid: [
    { sql: "alter table t1 drop column C2", messages: ["Column 't1.C2' is used by index 'ix_c2'."], level: 1 },
    { sql: "alter table t1 drop column id", messages: ["Column 't1.id' is used by index 'PRIMARY'."], levels: {"er_drop_indexed_column": 2}, level: 2 },
    { sql: "alter table t1 drop column c2", messages: ["列 't1.c2' 被索引 'ix_c2' 使用."], inc: {"lang": "zh_cn"} },
  ],
}, { inc: {"peer_drop_indexed_column": true} });
