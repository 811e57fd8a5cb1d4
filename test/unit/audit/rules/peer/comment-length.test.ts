// peer/comment-length: peer_max_comment_length: table, column and index comments longer than the limit (characters).
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('peer/comment-length', {
  valid: [
    "create table t9 (id int primary key comment '12345') comment '一二三四五'",
  ],
  invalid: [
    { sql: "create table t9 (id int primary key comment '123456', key ix (id) comment 'abcdefg') comment '一二三四五六'", messages: ["The comment of table 't9' is 6 characters long, more than 5.", "The comment of column 't9.id' is 6 characters long, more than 5.", "The comment of index 'ix' is 7 characters long, more than 5."], level: 1 },
    { sql: "alter table t1 modify c2 int comment 'longer'", messages: ["The comment of column 't1.c2' is 6 characters long, more than 5."] },
    { sql: "alter table t1 modify c2 int comment 'longer'", messages: ["列 't1.c2' 的注释长 6 个字符, 超过 5."], inc: {"lang": "zh_cn"} },
    { sql: "create table t9 (id int primary key, key ix (id) comment 'abcdefg') comment '一二三四五六'", messages: ["表 't9' 的注释长 6 个字符, 超过 5.", "索引 'ix' 的注释长 7 个字符, 超过 5."], inc: {"lang": "zh-CN"} },
  ],
}, { inc: {"peer_max_comment_length": 5} });
