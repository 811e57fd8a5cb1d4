// column/type-limits: a column name that ends with a space (ER_WRONG_COLUMN_NAME) and MySQL's type limits as
// the server's texts.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('column/type-limits', {
  valid: [
    "create table t3 (c1 char(255), c2 varchar(16383), c3 decimal(65,30), c4 float(255,30), c5 bit(64), c6 int(255), c7 set('a','b'), c8 varbinary(65535), c9 binary(255))",
    'create table t3 (c1 varchar(21845) character set utf8)',
    'create table t3 (c1 varchar(65535)) collate latin1_bin',
    'alter table t1 modify c2 varchar(16383)',
  ],
  invalid: [
    { sql: 'create table t3 (`c1 ` int, c2 int)', messages: ["Incorrect column name 'c1 '."], level: 2 },
    {
      sql: 'create table t3 (c1 char(256), c2 varchar(16384), c3 varchar(21846) charset utf8, c4 binary(300))',
      messages: [
        "Column length too big for column 'c1' (max = 255); use BLOB or TEXT instead.",
        "Column length too big for column 'c2' (max = 16383); use BLOB or TEXT instead.",
        "Column length too big for column 'c3' (max = 21845); use BLOB or TEXT instead.",
        "Column length too big for column 'c4' (max = 255); use BLOB or TEXT instead.",
      ],
      level: 2,
    },
    { sql: 'create table t3 (c1 varchar(65536)) collate latin1_bin', messages: ["Column length too big for column 'c1' (max = 65535); use BLOB or TEXT instead."] },
    {
      sql: 'create table t3 (c1 decimal(66,31), c2 double(256,2), c3 float(10,31))',
      messages: [
        "Too big scale 31 specified for column 'c1'. Maximum is 30.",
        "Too big precision 66 specified for column 'c1'. Maximum is 65.",
        "Too big precision 256 specified for column 'c2'. Maximum is 255.",
        "Too big scale 31 specified for column 'c3'. Maximum is 30.",
      ],
    },
    {
      sql: 'create table t3 (c1 bit(0), c2 bit(65), c3 int(256), c4 bigint(300))',
      messages: [
        "Invalid size for column 'c1'.",
        "Too big display width for column 'c2' (max = 64).",
        "Too big display width for column 'c3' (max = 255).",
        "Too big display width for column 'c4' (max = 255).",
      ],
    },
    { sql: "create table t3 (c1 set('a,b','c'))", messages: ["Illegal set 'a,b' value found during parsing."] },
    { sql: `create table t3 (c1 set(${Array.from({ length: 65 }, (_, i) => `'v${i}'`).join(',')}))`, messages: ['Too many strings for column c1 and SET.'] },
    { sql: 'create table t3 (c1 varchar(4294967296))', messages: ["Display width out of range for column 'c1' (max = 4294967295).", "Column length too big for column 'c1' (max = 16383); use BLOB or TEXT instead."] },
    { sql: 'alter table t1 add c3 char(256), modify c2 decimal(70,2)', messages: ["Column length too big for column 'c3' (max = 255); use BLOB or TEXT instead.", "Too big precision 70 specified for column 'c2'. Maximum is 65."] },
  ],
});
