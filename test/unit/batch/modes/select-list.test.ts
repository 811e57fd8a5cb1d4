// The select-list items of one SELECT as written (src/batch/modes/select-list.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectListTexts } from '../../../../src/batch/modes/select-list.js';

test('items are sliced as written, split at top-level commas, ended by the clause after them', () => {
  assert.deepEqual(selectListTexts('select a, f(b, c) , d+1 from t', 0), ['a', 'f(b, c)', 'd+1']);
  assert.deepEqual(selectListTexts('SELECT SQL_NO_CACHE DISTINCT  x , `y z` into @v from t', 0), ['x', '`y z`']);
  assert.deepEqual(selectListTexts("select 'a,b' /* , */, (select 1, 2) for update", 0), ["'a,b'", '(select 1, 2)']);
  assert.deepEqual(selectListTexts('select a union select b', 0), ['a']);
  assert.deepEqual(selectListTexts('select a union select b', 15), ['b']);
  assert.deepEqual(selectListTexts('select x;', 0), ['x']);
});

test('a WITH clause or leading parentheses before the SELECT are skipped', () => {
  assert.deepEqual(selectListTexts('with c as (select 1 a, 2 b) select a+b, c.* from c', 0), ['a+b', 'c.*']);
  assert.deepEqual(selectListTexts('((select upper(n) from t)) union select 1', 0), ['upper(n)']);
  assert.deepEqual(selectListTexts('select * from (select k, v from t) x', 15), ['k', 'v']);
});

test('no select list there: null', () => {
  assert.equal(selectListTexts('update t set a = 1', 0), null);
  assert.equal(selectListTexts('select from t', 0), null);
  assert.equal(selectListTexts('select a,, b from t', 0), null);
  assert.equal(selectListTexts('(x) select a', 0), null);
});
