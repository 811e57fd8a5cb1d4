// peer/charset-without-convert: peer_charset_without_convert: ALTER … DEFAULT CHARSET without CONVERT TO.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('peer/charset-without-convert', {
  valid: [
    "alter table t1 convert to character set utf8mb4",
    "alter table t1 comment = 'x'",
  ],
  invalid: [
    { sql: "alter table t1 default charset = utf8mb4", messages: ["CHARSET utf8mb4 changes only the default of table 't1'; existing columns keep theirs (use CONVERT TO CHARACTER SET)."], level: 1 },
  ],
}, { inc: {"peer_charset_without_convert": true, "enable_set_charset": true} });
