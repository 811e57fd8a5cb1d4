// Signing of internal requests (docs/kill.md, "Forwarding"): a good signature passes once; a wrong key, a
// changed body or path, an old timestamp, missing headers and a replay are refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NONCE_HEADER, RequestVerifier, SIGNATURE_HEADER, TIMESTAMP_HEADER, signedHeaders } from '../../../src/cluster/auth.js';

test('verify: accepts an authentic request once, refuses everything else with a reason', () => {
  const now = 1_800_000_000_000;
  const verifier = new RequestVerifier('k1');
  const body = '{"id":4194306}';
  const good = signedHeaders('k1', '/internal/kill', body, now);
  assert.equal(verifier.verify({ ...good }, '/internal/kill', body, now + 1000), null);
  assert.equal(verifier.verify({ ...good }, '/internal/kill', body, now + 2000), 'replayed request');
  assert.equal(verifier.verify(signedHeaders('k2', '/internal/kill', body, now + 1), '/internal/kill', body, now), 'bad signature');
  const other = signedHeaders('k1', '/internal/kill', body, now + 2);
  assert.equal(verifier.verify(other, '/internal/kill', '{"id":4194308}', now), 'bad signature');
  assert.equal(verifier.verify(other, '/internal/processlist', body, now), 'bad signature');
  assert.equal(verifier.verify(signedHeaders('k1', '/internal/kill', body, now - 10 * 60_000), '/internal/kill', body, now), 'timestamp outside the allowed window');
  assert.equal(verifier.verify({}, '/internal/kill', body, now), 'missing signature');
  assert.equal(verifier.verify({ [SIGNATURE_HEADER]: 'zz', [TIMESTAMP_HEADER]: 'x' }, '/internal/kill', body, now), 'missing signature');
  assert.equal(verifier.verify({ [SIGNATURE_HEADER]: 'abcd', [TIMESTAMP_HEADER]: String(now) }, '/internal/kill', body, now), 'missing signature');
  assert.equal(verifier.verify({ [SIGNATURE_HEADER]: 'abcd', [TIMESTAMP_HEADER]: String(now), [NONCE_HEADER]: '00'.repeat(12) }, '/internal/kill', body, now), 'bad signature');
});

test('two identical requests signed in the same millisecond are two requests (two clients killing one id)', () => {
  const now = 1_800_000_000_000;
  const verifier = new RequestVerifier('k1');
  const body = '{"id":4194306}';
  assert.equal(verifier.verify(signedHeaders('k1', '/internal/kill', body, now), '/internal/kill', body, now), null);
  assert.equal(verifier.verify(signedHeaders('k1', '/internal/kill', body, now), '/internal/kill', body, now), null);
});
