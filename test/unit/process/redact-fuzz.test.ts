// Seeded fuzz: random magic comments, spelled every way the option reader accepts, with random passwords
// (quotes, `;`, `*`, spaces). Whatever the reader takes as the password must not survive redaction.
// The seed is printed; rerun one with REDACT_FUZZ_SEED=<n>.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMagicComment } from '../../../src/options/magic-comment.js';
import { redactSecrets } from '../../../src/process/redact.js';
import { fuzzSeed, seededRandom } from '../../support/seeded-random.js';

const KEY_SPELLINGS = ['--password', '--pass-word', '--pass_word', 'password', '--PASSWORD', '-- password', '--remote-password', '--pass remote word'];
const ALPHABET = 'abcXYZ019;*/ \'"=-_#';

test('redaction masks every password the option reader reads', () => {
  const seed = fuzzSeed('REDACT_FUZZ_SEED');
  console.log(`redact fuzz seed: ${seed}`);
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  let checked = 0;
  for (let i = 0; i < 3000; i++) {
    let secret = 'Q';
    const length = 4 + Math.floor(random() * 12);
    while (secret.length < length) secret += pick([...ALPHABET]);
    secret += 'Z7';
    const quote = pick(['', "'", '"']);
    const pieces = ['--user=u', `${pick(KEY_SPELLINGS)}${pick(['=', ' = ', '='])}${quote}${secret}${quote}`, '--host=h', '--port=3306', '--check=1'];
    if (random() < 0.5) pieces.reverse();
    const text = `/*${pick(['', ' '])}${pieces.join(';')};*/\ninception_magic_start;`;
    const parsed = parseMagicComment(text);
    if (!parsed.ok || parsed.options.password.length < 3) continue;
    checked++;
    const shown = redactSecrets(text);
    assert.ok(!shown.includes(parsed.options.password), `seed ${seed}: ${JSON.stringify(text)} → ${JSON.stringify(shown)}`);
  }
  assert.ok(checked > 500, `enough comments parsed (${checked})`);
});
