// peer/charset-without-convert: peer_charset_without_convert: ALTER … DEFAULT CHARSET without CONVERT TO.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('peer/charset-without-convert', {
  valid: [
    "alter table t1 convert to character set utf8mb4",
    "alter table t1 comment = 'x'",
  ],
  invalid: [
    { sql: "alter table t1 default charset = utf8mb4", messages: ["CHARSET utf8mb4 changes only the default of table 't1'; existing columns keep theirs (use CONVERT TO CHARACTER SET)."], level: 1 },
    { sql: "alter table t1 default charset = utf8mb4", messages: ["CHARSET utf8mb4 只修改表 't1' 的默认字符集, 已有列的字符集不变(请使用 CONVERT TO CHARACTER SET)."], inc: {"lang": "zh_cn"} },
  ],
}, { inc: {"peer_charset_without_convert": true, "enable_set_charset": true} });
