// peer/text-blob-length: peer_max_text_blob_length: total TEXT/BLOB/JSON capacity of the table over the limit.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester({ tables: ['create table t3 (id int primary key, b text)'] }).run('peer/text-blob-length', {
  valid: [
    "create table t9 (id int primary key, a text)",
    "alter table t3 drop column b, add column c tinytext",
  ],
  invalid: [
    { sql: "create table t9 (id int primary key, a text, b tinyblob)", messages: ["TEXT/BLOB columns of table 't9' may hold 65790 bytes, more than 65535."], level: 1 },
    { sql: "alter table t3 add column c tinytext", messages: ["TEXT/BLOB columns of table 't3' may hold 65790 bytes, more than 65535."] },
    { sql: "alter table t3 add column c tinytext", messages: ["表 't3' 的 TEXT/BLOB 列最多可存 65790 字节, 超过 65535."], inc: {"lang": "zh_cn"} },
  ],
}, { inc: {"peer_max_text_blob_length": 65535, "enable_blob_type": true} });
