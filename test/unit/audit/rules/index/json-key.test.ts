// index/json-key: goInception's free text for a JSON key column, with the stored column name.
import { RuleTester } from '../../../../support/rule-tester.js';

new RuleTester({ tables: ['create table t1 (id int primary key, Doc json, c1 varchar(10))'] }).run('index/json-key', {
  valid: [
    // a JSON column in the table but not in the key
    'create table t3 (id int, d json, c varchar(10), key ix_c (c))',
    'alter table t1 add index ix_c1 (c1)',
  ],
  invalid: [
    { sql: 'create table t3 (id int, d json, key ix_d (d))', messages: ["JSON column 'd' cannot be used in key specification."], level: 2 },
    // the stored spelling, not the key column as written
    { sql: 'create index ix_doc on t1 (doc)', messages: ["JSON column 'Doc' cannot be used in key specification."] },
    { sql: 'alter table t1 add unique uq_doc (c1, DOC)', messages: ["JSON column 'Doc' cannot be used in key specification."] },
  ],
});
