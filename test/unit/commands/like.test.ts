// The one LIKE implementation (src/sql/like.ts) and the command layer's [NOT] LIKE filter built on it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { likePredicate } from '../../../src/commands/like.js';
import { likeMatcher, likeToRegExp, matchesLike } from '../../../src/sql/like.js';

test('LIKE semantics: %, _, backslash escape, case-insensitive', () => {
  assert.ok(matchesLike('osc_on', 'osc%'));
  assert.ok(matchesLike('OSC_ON', 'osc%'));
  assert.ok(matchesLike('osc_on', 'osc_o_'));
  assert.ok(!matchesLike('osc_on', 'osc_o'));
  assert.ok(matchesLike('a_b', 'a\\_b'));
  assert.ok(!matchesLike('axb', 'a\\_b'));
  assert.ok(matchesLike('50%', '50\\%'));
  assert.ok(!matchesLike('500', '50\\%'));
  assert.ok(matchesLike('a.b(c)', 'a.b(c)'));
  assert.ok(!matchesLike('aXb(c)', 'a.b(c)'));
  assert.ok(matchesLike('line\nbreak', 'line%'));
});

test('LIKE edges: empty pattern, whole-string match, lone trailing backslash, regexp metacharacters, characters not code units', () => {
  assert.ok(matchesLike('', ''));
  assert.ok(!matchesLike('a', ''));
  assert.ok(matchesLike('', '%'));
  assert.ok(!matchesLike('', '_'));
  assert.ok(!matchesLike('xosc_on', 'osc%'), 'anchored at the start');
  assert.ok(!matchesLike('osc_onx', 'osc_on'), 'anchored at the end');
  assert.ok(matchesLike('a\\', 'a\\'), 'a trailing lone backslash is literal');
  assert.ok(matchesLike('a\\b', 'a\\\\b'), 'an escaped backslash');
  assert.ok(!matchesLike('a\\b', 'a\\b'), '\\b is a literal b');
  assert.ok(matchesLike('x^$[]{}|+?*./-y', 'x^$[]{}|+?*./-y'));
  assert.ok(matchesLike('😀', '_'), 'one character even outside the BMP');
  assert.ok(matchesLike('表情', '表%'));
  assert.ok(matchesLike('Character_Set_Client', 'character\\_set\\_c%'));
  assert.equal(likeToRegExp('a%').test('ABC'), true);
});

test('likeMatcher compiles once and can be reused; likePredicate handles NOT and no filter', () => {
  const m = likeMatcher('character\\_set\\_%');
  assert.deepEqual(['character_set_client', 'character-set-x', 'CHARACTER_SET_RESULTS'].filter(m), ['character_set_client', 'CHARACTER_SET_RESULTS']);
  assert.equal(likePredicate({ pattern: 'osc%', negate: true })('osc_on'), false);
  assert.equal(likePredicate({ pattern: 'osc%', negate: true })('ghost_on'), true);
  assert.equal(likePredicate({ pattern: 'osc%', negate: false })('osc_on'), true);
  assert.equal(likePredicate(null)('anything'), true);
});
