// The opt-in 64-bit connection-id layout (docs/kill.md "Connection ids"): server id in the high 32 bits, local id
// in the low 32; a truncated id (server id 0) is refused with the reason, or run locally with compatible-kill-query.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeConnectionId, encodeConnectionId, handshakeConnectionId } from '../../../src/process/connection-id.js';
import { ProcessRegistry } from '../../../src/process/registry.js';
import { MysqlError } from '../../../src/protocol/result.js';

test('64-bit ids: server id high, local id low; the handshake keeps the low 32 bits', () => {
  const id = encodeConnectionId(5, 42, 64);
  assert.equal(id, 5 * 2 ** 32 + 42);
  assert.deepEqual(decodeConnectionId(BigInt(id), 64), { serverId: 5, localId: 42 });
  assert.equal(handshakeConnectionId(id), 42);
  assert.deepEqual(decodeConnectionId(42n, 64), { serverId: 0, localId: 42 }, 'truncated: server id 0');
  assert.equal(decodeConnectionId(2048n * 2n ** 32n + 1n, 64), null, 'server id above 2047');
  assert.equal(decodeConnectionId(5n * 2n ** 32n, 64), null, 'local id 0');
  assert.equal(decodeConnectionId(-1n, 64), null);
  const largest = encodeConnectionId(2047, 2 ** 20 - 1, 64);
  assert.ok(Number.isSafeInteger(largest));
  // The 32-bit layout is unchanged.
  assert.equal(encodeConnectionId(5, 42), 10485844);
  assert.equal(handshakeConnectionId(10485844), 10485844);
  assert.equal(decodeConnectionId(BigInt(id)), null, 'a 64-bit id is not a 32-bit one');
});

function registryWith(compatibleKillQuery: boolean) {
  const registry = new ProcessRegistry(7, { idBits: 64, compatibleKillQuery });
  const id = encodeConnectionId(7, 3, 64);
  let closed = false;
  const entry = registry.register({ id, user: 'u', clientHost: 'h', isAdmin: false, close: () => (closed = true) });
  entry.beginRequest(); // a batch is running: KILL QUERY has something to stop
  return { registry, id, entry, closed: () => closed };
}

const admin = { user: 'root', isAdmin: true, connectionId: 0 };

test('a truncated id is refused with the reason unless compatible-kill-query', () => {
  const r = registryWith(false);
  assert.throws(
    () => r.registry.kill(admin, 3n, 'query'),
    (err: unknown) =>
      err instanceof MysqlError && err.code === 1105 && /no server id/.test(err.message) && /compatible-kill-query = true/.test(err.message),
  );
  assert.equal(r.entry.signal.aborted, false, 'nothing was killed');
  r.registry.kill(admin, BigInt(r.id), 'query');
  assert.equal(r.entry.signal.aborted, true, 'the full id works');

  const c = registryWith(true);
  c.registry.kill(admin, 3n, 'query');
  assert.equal(c.entry.signal.aborted, true, 'compatible-kill-query: the local id of this instance');
  assert.throws(() => c.registry.kill(admin, 4n, 'query'), (err: unknown) => err instanceof MysqlError && err.code === 1094);
  assert.throws(() => c.registry.kill(admin, BigInt(encodeConnectionId(8, 3, 64)), 'query'), (err: unknown) => err instanceof MysqlError && err.code === 1094);
});
