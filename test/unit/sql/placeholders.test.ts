import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bindPlaceholders, placeholderPositions, sqlLiteral } from '../../../src/sql/placeholders.js';

test('placeholders outside quotes and comments are bound as escaped literals', () => {
  const sql = "select ?, '?', \"?\", `?` /* ? */ -- ?\n, ? # ?";
  const at = placeholderPositions(sql);
  assert.equal(at.length, 2);
  assert.equal(bindPlaceholders(sql, at, ["it's\n\\", null]), "select 'it\\'s\\n\\\\', '?', \"?\", `?` /* ? */ -- ?\n, NULL # ?");
  assert.equal(bindPlaceholders('a=? b=?', placeholderPositions('a=? b=?'), [5n, 2.5]), 'a=5 b=2.5');
});

test('doubled quotes, escapes and comment forms do not hide or invent placeholders', () => {
  assert.deepEqual(placeholderPositions("select 'it''s ?', ?"), [18]);
  assert.deepEqual(placeholderPositions("select 'a\\'?', ?"), [15]);
  // `--` starts a comment only before whitespace, so `--?` is two minuses and a placeholder
  assert.deepEqual(placeholderPositions('select 1 --?\n, ?'), [11, 15]);
  assert.deepEqual(placeholderPositions('select ?/*?*/?'), [7, 13]);
  assert.deepEqual(placeholderPositions("select ? 'unterminated ?"), [7]);
  assert.deepEqual(placeholderPositions('select 1'), []);
});

test('literals: NULL, numbers, non-finite numbers, big integers, bytes, the six escaped characters', () => {
  assert.equal(sqlLiteral(null), 'NULL');
  assert.equal(sqlLiteral(-1.5), '-1.5');
  assert.equal(sqlLiteral(Number.NaN), 'NULL');
  assert.equal(sqlLiteral(2n ** 64n), '18446744073709551616');
  assert.equal(sqlLiteral(Buffer.from('ü')), "'ü'");
  assert.equal(sqlLiteral('\0\n\r\x1a\'"\\'), "'\\0\\n\\r\\Z\\'\\\"\\\\'");
  assert.equal(bindPlaceholders('? ?', [0, 2], ['x']), "'x' NULL");
});
