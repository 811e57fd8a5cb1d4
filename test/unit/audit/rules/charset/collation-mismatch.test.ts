// charset/collation-mismatch: a table CHARSET whose collation does not belong to it (CREATE TABLE, ALTER options).
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('charset/collation-mismatch', {
  valid: [
    'create table t3 (id int) default charset = utf8mb4',
    'create table t3 (id int) charset utf8mb4 collate utf8mb4_bin',
    // utf8mb3_* collations are utf8's
    'create table t3 (id int) charset utf8 collate utf8mb3_general_ci',
    'alter table t1 convert to character set latin1 collate latin1_bin',
    'alter table t1 default charset = gbk',
    // COLLATE alone names its own charset
    'create table t3 (id int) collate latin1_bin',
    // only a CREATE TABLE with columns is checked
    'create table t3 like t1',
  ],
  invalid: [
    {
      sql: 'create table t3 (id int) charset utf8mb4 collate latin1_bin',
      messages: ["COLLATION 'latin1_bin' is not valid for CHARACTER SET 'utf8mb4'!"],
      level: 2,
    },
    // utf8 and utf8mb4 are different character sets
    { sql: 'alter table t1 default charset = utf8 collate = utf8mb4_bin', messages: ["COLLATION 'utf8mb4_bin' is not valid for CHARACTER SET 'utf8'!"] },
    // the collation in canonical lower case, the charset as written
    { sql: 'create table t3 (id int) charset GBK collate UTF8_BIN', messages: ["COLLATION 'utf8_bin' is not valid for CHARACTER SET 'GBK'!"] },
    // the default collation is looked up with the charset as written: none for upper case
    { sql: 'create table t3 (id int) charset UTF8MB4', messages: ["COLLATION '' is not valid for CHARACTER SET 'UTF8MB4'!"] },
    // a character set outside the eight goInception validates always fails
    { sql: 'create table t3 (id int) charset latin2', messages: ["COLLATION 'latin2_general_ci' is not valid for CHARACTER SET 'latin2'!"] },
  ],
});
