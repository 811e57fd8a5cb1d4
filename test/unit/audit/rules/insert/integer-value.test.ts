// insert/integer-value: under a strict sql_mode, a string that is not a number for a numeric column is the free
// text `Incorrect integer value: '%v' for column '%s' at row %v`, with or without a column list.
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

const strict = 'STRICT_TRANS_TABLES';
new RuleTester(LAYOUT).run('insert/integer-value', {
  valid: [
    { sql: "insert into t2 (id, c1) values (1, ' 12 ')", sqlMode: strict },
    { sql: "insert into t2 (id, c1) values (1, '-1.5e3')", sqlMode: strict },
    // not strict: the server stores 0 with a warning
    "insert into t2 (id, c1) values (1, 'abc')",
    // a string column takes any string
    { sql: "insert into t1 (id, c1) values (1, 'abc')", sqlMode: strict },
  ],
  invalid: [
    { sql: "insert into t2 (id, c1) values (1, 2), (2, 'abc')", sqlMode: strict, messages: ["Incorrect integer value: 'abc' for column 'c1' at row 2."], level: 2 },
    { sql: "insert into t2 values ('', 1)", sqlMode: 'STRICT_ALL_TABLES', messages: ["Incorrect integer value: '' for column 'id' at row 1."] },
  ],
});
