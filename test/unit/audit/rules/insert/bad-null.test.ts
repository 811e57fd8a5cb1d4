// insert/bad-null: INSERT VALUES: literal NULL for a listed NOT NULL column that is not auto_increment; the column
// is named `currentdb.table.col` in lower case, the row 1-based; nothing without a column list.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run(
  'insert/bad-null',
  {
    valid: [
      "insert into t1 (id, c1, c2) values (1, 'a', null)",
      // without a column list goInception does not check NULLs
      "insert into t1 values (1, null, 2)",
      // a column created in the batch without NOT NULL is nullable
      { sql: 'insert into t5 (id, c) values (1, null)', before: ['create table t5 (id int primary key, c int)'] },
    ],
    invalid: [
      { sql: "insert into t1 (id, c1) values (1, 'a'), (2, null)", messages: ["Column 'test.t1.c1' cannot be null in 2 row."] },
      { sql: "insert into T1 (id, C1) values (1, null)", messages: ["Column 'test.t1.c1' cannot be null in 1 row."] },
      {
        sql: 'insert into t5 (id, c) values (1, null)',
        before: ['create table t5 (id int primary key, c int not null)'],
        messages: ["Column 'test.t5.c' cannot be null in 1 row."],
      },
    ],
  },
);
