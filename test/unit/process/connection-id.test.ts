import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeConnectionId, encodeConnectionId, LocalIdAllocator, MAX_SERVER_ID } from '../../../src/process/connection-id.js';

test('encode follows serverId*2^21 + localId*2 (docs/kill.md example)', () => {
  assert.equal(encodeConnectionId(5, 42), 10485844);
  assert.equal(encodeConnectionId(1, 1), 2 ** 21 + 2);
  assert.deepEqual(decodeConnectionId(10485844), { serverId: 5, localId: 42 });
  assert.deepEqual(decodeConnectionId(10485844n), { serverId: 5, localId: 42 });
});

test('the largest id fits in 32 bits unsigned and round-trips', () => {
  const max = encodeConnectionId(MAX_SERVER_ID, 2 ** 20 - 1);
  assert.equal(max, 0xfffffffe);
  assert.deepEqual(decodeConnectionId(max), { serverId: MAX_SERVER_ID, localId: 2 ** 20 - 1 });
  // server id 1024 crosses 2^31: must stay positive (no signed-int32 bit tricks)
  const high = encodeConnectionId(1024, 1);
  assert.ok(high > 2 ** 31);
  assert.deepEqual(decodeConnectionId(high), { serverId: 1024, localId: 1 });
});

test('encode rejects out-of-range parts', () => {
  assert.throws(() => encodeConnectionId(0, 1), RangeError);
  assert.throws(() => encodeConnectionId(MAX_SERVER_ID + 1, 1), RangeError);
  assert.throws(() => encodeConnectionId(1, 0), RangeError);
  assert.throws(() => encodeConnectionId(1, 2 ** 20), RangeError);
  assert.throws(() => encodeConnectionId(1.5, 1), RangeError);
});

test('decode refuses ids that cannot be ours', () => {
  assert.equal(decodeConnectionId(0xffffffffn + 1n), null, 'wider than 32 bits');
  assert.equal(decodeConnectionId(2n ** 64n), null);
  assert.equal(decodeConnectionId(-2n), null, 'negative');
  assert.equal(decodeConnectionId(encodeConnectionId(1, 1) + 1), null, 'markup bit set');
  assert.equal(decodeConnectionId(0), null, 'zero');
  assert.equal(decodeConnectionId(2 ** 21), null, 'local id 0');
  assert.equal(decodeConnectionId(2 * 5), null, 'server id 0');
  assert.equal(decodeConnectionId(Number.MAX_SAFE_INTEGER + 2), null, 'unsafe number');
  assert.equal(decodeConnectionId(Number.NaN), null);
});

test('FIFO allocator: a released id comes back only after the counter wraps (3-bit local ids)', () => {
  const alloc = new LocalIdAllocator(3);
  assert.equal(alloc.allocate(), 1);
  assert.equal(alloc.allocate(), 2);
  alloc.release(1);
  // 1 is free again but 3..7 are handed out first
  assert.deepEqual([alloc.allocate(), alloc.allocate(), alloc.allocate(), alloc.allocate(), alloc.allocate()], [3, 4, 5, 6, 7]);
  assert.equal(alloc.allocate(), 1, 'wraps to the oldest free id');
  assert.equal(alloc.size, 7);
});

test('FIFO allocator: exhaustion gives null, release makes room, in-use ids are skipped', () => {
  const alloc = new LocalIdAllocator(3);
  const ids = Array.from({ length: 7 }, () => alloc.allocate());
  assert.deepEqual(ids, [1, 2, 3, 4, 5, 6, 7]);
  assert.equal(alloc.allocate(), null);
  assert.equal(alloc.allocate(), null, 'stays exhausted');
  alloc.release(5);
  assert.equal(alloc.allocate(), 5, 'only 5 is free; 1..4 are skipped because in use');
  assert.equal(alloc.allocate(), null);
  alloc.release(2);
  alloc.release(2); // double release is harmless
  assert.equal(alloc.size, 6);
  assert.equal(alloc.allocate(), 2);
});

test('FIFO allocator: reuse distance is the whole free pool', () => {
  const alloc = new LocalIdAllocator(3);
  const seen: number[] = [];
  // one connection at a time opens and closes: every id is used once before any repeats
  for (let i = 0; i < 14; i++) {
    const id = alloc.allocate();
    assert.notEqual(id, null);
    seen.push(id!);
    alloc.release(id!);
  }
  assert.deepEqual(seen, [1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 7]);
});

test('allocator rejects a bad width', () => {
  assert.throws(() => new LocalIdAllocator(0), RangeError);
  assert.throws(() => new LocalIdAllocator(21), RangeError);
});
