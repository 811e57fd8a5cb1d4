// insert/integer-value: under a strict sql_mode, a string that is not a number for a numeric column is the free
// text `Incorrect integer value: '%v' for column '%s' at row %v`, with or without a column list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
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

// goInception raises the text while checking its cell: after the earlier cells' messages, before the later ones'.
test('insert/integer-value · the text stands in its cell, among the coded VALUES messages', async () => {
  const out = await new RuleTester(LAYOUT).audit('*', "insert into t1 (id, c1, c2) values (1, null, 'abc'), ('x', null, 1)", { sqlMode: strict });
  assert.deepEqual(out.messages, [
    "Column 'test.t1.c1' cannot be null in 1 row.",
    "Incorrect integer value: 'abc' for column 'c2' at row 1.",
    "Incorrect integer value: 'x' for column 'id' at row 2.",
    "Column 'test.t1.c1' cannot be null in 2 row.",
  ]);
});
