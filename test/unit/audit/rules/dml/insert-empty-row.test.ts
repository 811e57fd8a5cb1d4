// dml/insert-empty-row: each VALUES row `()` is ER_WITH_INSERT_VALUES, at its row; other rows are checked as usual.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LAYOUT, RuleTester } from '../../../../support/rule-tester.js';

new RuleTester(LAYOUT).run('dml/insert-empty-row', {
  valid: ['insert into t2 (id, c1) values (1, 2)', 'insert into t2 values (1, null)', 'insert into t2 set id = 1'],
  invalid: [
    { sql: 'insert into t2 values ()', messages: ['Set the values list for insert statements.'], level: 2 },
    { sql: 'insert into t2 () values (), ()', messages: ['Set the values list for insert statements.', 'Set the values list for insert statements.'] },
  ],
});

test('dml/insert-empty-row · with every rule: the messages of each row in row order; an empty list is no list; affected_rows counts the empty rows', async () => {
  const out = await new RuleTester(LAYOUT).audit('*', 'insert into t1 (id, c1) values (1, null), (), (3)');
  assert.deepEqual(out.messages, [
    "Column 'test.t1.c1' cannot be null in 1 row.",
    'Set the values list for insert statements.',
    'Column count doesn\'t match value count at row 3.',
  ]);
  assert.equal(out.affectedRows, 3);
  const bare = await new RuleTester(LAYOUT).audit('*', 'insert into t2 () values ()', { inc: { check_insert_field: true } });
  assert.deepEqual(bare.messages, ['Set the field list for insert statements.', 'Set the values list for insert statements.']);
  assert.equal(bare.affectedRows, 1);
});

test('the value DEFAULT audits as a value the audit cannot judge: no message', async () => {
  const tester = new RuleTester(LAYOUT);
  for (const sql of ['insert into t1 (id, c1, c2) values (1, default, default)', 'update t1 set c2 = default where id <=> 1', 'insert into t2 (id, c1) values (1, 2) on duplicate key update c1 = default']) {
    assert.deepEqual((await tester.audit('*', sql, { sqlMode: 'STRICT_TRANS_TABLES' })).messages, [], sql);
  }
});
