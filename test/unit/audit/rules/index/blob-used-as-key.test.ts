// index/blob-used-as-key: a key column whose type is a BLOB (TEXT is not flagged).
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('index/blob-used-as-key', {
  valid: [
    { sql: "create table t9 (id int primary key, t text, key ix_t (t(10)))", inc: {"enable_blob_type": true} },
  ],
  invalid: [
    { sql: "create table t9 (id int primary key, b blob, key ix_b (b(10)))", messages: ["BLOB column 'b' can't be used in key specification with the used table type."], level: 2 },
    { sql: "create index ix_b on t3 (B(4))", messages: ["BLOB column 'b' can't be used in key specification with the used table type."], before: ["create table t3 (id int primary key, b mediumblob)"] },
  ],
});
