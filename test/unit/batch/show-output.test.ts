// In-batch SHOW/EXPLAIN output rendering (docs/stages.md "SHOW and EXPLAIN in a batch"), with a made-up result set:
// every value kind the driver hands over, hex_blob, the line cap, and EXPLAIN ANALYZE never being sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_OUTPUT_LINES, renderRemoteOutput, type ShowTarget } from '../../../src/batch/show-output.js';
import { ResultRow } from '../../../src/rows/row.js';

const LONG = 3;
const LONGLONG = 8;
const NEWDECIMAL = 246;
const VAR_STRING = 253;
const BLOB = 252;

function target(columns: { type: number; charset: number }[], rows: unknown[][], sent: string[] = []): ShowTarget {
  return {
    async resultSet(sql: string) {
      sent.push(sql);
      return { columns, rows };
    },
  };
}

test('numbers bare, text quoted with quotes doubled, NULL, binary quoted when UTF-8 else X\'…\'', async () => {
  const row = new ResultRow('show x');
  const columns = [{ type: LONG, charset: 63 }, { type: LONGLONG, charset: 63 }, { type: NEWDECIMAL, charset: 63 }, { type: VAR_STRING, charset: 45 }, { type: BLOB, charset: 63 }];
  await renderRemoteOutput(row, target(columns, [
    [1, '18446744073709551615', '-1.50', "it's\n", Buffer.from('ab')],
    [null, null, null, null, Buffer.from([0, 0xff])],
  ]), false);
  assert.equal(row.sql, "show x:\n1 | 18446744073709551615 | -1.50 | 'it''s\\n' | 'ab'\nNULL | NULL | NULL | NULL | X'00ff'");
  assert.equal(row.errorLevel, 0);

  const hex = new ResultRow('show x');
  await renderRemoteOutput(hex, target([{ type: BLOB, charset: 63 }], [[Buffer.from('ab')]]), true);
  assert.equal(hex.sql, "show x:\nX'6162'");
});

test('an empty result keeps the header line; a huge one is cut with a count', async () => {
  const empty = new ResultRow('show tables');
  await renderRemoteOutput(empty, target([{ type: VAR_STRING, charset: 45 }], []), false);
  assert.equal(empty.sql, 'show tables:\n');

  const big = new ResultRow('show tables');
  const rows = Array.from({ length: MAX_OUTPUT_LINES + 2 }, (_, i) => [`t${i}`]);
  await renderRemoteOutput(big, target([{ type: VAR_STRING, charset: 45 }], rows), false);
  const lines = big.sql.split('\n');
  assert.equal(lines.length, 1 + MAX_OUTPUT_LINES + 1);
  assert.equal(lines.at(-1), '... 2 more rows');
});

test('a target error is a level-2 message and the sql stays; EXPLAIN ANALYZE is not sent', async () => {
  const failing = new ResultRow('show create table nosuch');
  await renderRemoteOutput(failing, { resultSet: () => Promise.reject(Object.assign(new Error('x'), { sqlMessage: "Table 'd.nosuch' doesn't exist" })) }, false);
  assert.equal(failing.sql, 'show create table nosuch');
  assert.equal(failing.errorMessage, "Table 'd.nosuch' doesn't exist.");

  const sent: string[] = [];
  for (const sql of ['EXPLAIN ANALYZE delete from t', 'desc  analyze update t set a = 1']) {
    const row = new ResultRow(sql);
    await renderRemoteOutput(row, target([], [], sent), false);
    assert.equal(row.errorLevel, 2);
  }
  assert.deepEqual(sent, []);
});
