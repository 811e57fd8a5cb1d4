// LeaseKeeper against an in-memory store with millisecond timings (docs/kill.md, "Server ids and leases"):
// acquire, fence after fence time without a heartbeat, fence at once when the row is no longer ours, recover
// under another id after deleting the stale row, refuse clients while not serving, drain then release.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { LeaseKeeper, type LeaseState } from '../../../src/cluster/lease.js';
import type { AcquireResult, LeaseStore } from '../../../src/cluster/store.js';
import { encodeConnectionId } from '../../../src/process/connection-id.js';
import { ProcessRegistry } from '../../../src/process/registry.js';

class FakeStore {
  down = false;
  rowTaken = false;
  full = false;
  nextIds = [5, 9, 12];
  released: string[] = [];
  avoided: (number | null)[] = [];

  private check(): void {
    if (this.down) throw new Error('connect ECONNREFUSED');
  }
  async ensureSchema(): Promise<void> {
    this.check();
  }
  async acquire(_owner: unknown, _lease: number, max: number, avoid: number | null): Promise<AcquireResult> {
    this.check();
    this.avoided.push(avoid);
    if (this.full) return { kind: 'full', reason: `no free server id: all ${max} ids in 1..${max} hold a live lease ([cluster] max_server_id)` };
    return { kind: 'acquired', serverId: this.nextIds.shift()! };
  }
  async heartbeat(): Promise<boolean> {
    this.check();
    return !this.rowTaken;
  }
  async release(token: string): Promise<void> {
    this.check();
    this.released.push(token);
  }
}

const silent = pino({ level: 'silent' });

async function until(what: string, check: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function setup(timings = { leaseSeconds: 1, heartbeatSeconds: 0.02, fenceSeconds: 0.1, maxServerId: 16 }) {
  const store = new FakeStore();
  const registry = new ProcessRegistry(1);
  const keeper = new LeaseKeeper(store as unknown as LeaseStore, registry, timings, { rpcAddr: 'h:1', sqlAddr: 'h:2' }, silent);
  const states: LeaseState[] = [];
  keeper.onChange((s) => states.push(s));
  return { store, registry, keeper, states };
}

function addSession(registry: ProcessRegistry, serverId: number, closed: number[]) {
  const id = encodeConnectionId(serverId, 1);
  return registry.register({ id, user: 'u', clientHost: 'c:1', isAdmin: false, close: () => closed.push(id) });
}

test('acquire, then fence when heartbeats fail past the fence time; recover under another id', async () => {
  const { store, registry, keeper, states } = setup();
  assert.match(registry.refusal!.message, /^inceptor instance is not serving: acquiring a server id/);
  await keeper.start();
  assert.deepEqual([keeper.state, keeper.serverId, registry.serverId, registry.refusal], ['serving', 5, 5, null]);
  const closed: number[] = [];
  const session = addSession(registry, 5, closed);
  const firstToken = keeper.token;

  store.down = true;
  await until('the fence', () => keeper.state === 'fenced');
  assert.equal(closed.length, 1, 'the session was closed');
  registry.unregister(session.id); // what the closed connection does
  assert.match(registry.refusal!.message, /fenced: no successful heartbeat for \d+ s \(fence_seconds = 0\.1\)/);
  assert.equal(keeper.serverId, null);
  assert.equal(keeper.ready, false);
  // a failed re-acquire adds its problem to the reason; the fence and its cause stay (clients and /readyz see both)
  await until('a failed re-acquire', () => keeper.reason.includes('no new server id yet'));
  assert.match(registry.refusal!.message, /^inceptor instance is not serving: fenced: no successful heartbeat for \d+ s \(fence_seconds = 0\.1\); no new server id yet: coordination store unreachable: connect ECONNREFUSED$/);
  assert.equal(keeper.state, 'fenced');

  store.down = false;
  await until('serving again', () => keeper.state === 'serving');
  assert.equal(keeper.serverId, 9);
  assert.equal(registry.refusal, null);
  assert.ok(store.released.includes(firstToken), 'the stale row of the old incarnation was deleted');
  assert.equal(store.avoided.at(-1), 5, 'the old id is avoided');
  assert.notEqual(keeper.token, firstToken);
  assert.deepEqual(states, ['serving', 'fenced', 'serving']);
  await keeper.drain();
});

test('a row that is no longer ours fences at the next heartbeat, before any fence time', async () => {
  const { store, keeper } = setup({ leaseSeconds: 1000, heartbeatSeconds: 0.02, fenceSeconds: 500, maxServerId: 16 });
  await keeper.start();
  store.rowTaken = true;
  await until('the fence', () => keeper.state === 'fenced');
  assert.match(keeper.reason, /the lease row of server id 5 was deleted or taken over/);
  store.rowTaken = false;
  await keeper.drain();
});

test('no free id: not serving, clients refused with the reason, retried until one frees up', async () => {
  const { store, registry, keeper } = setup();
  store.full = true;
  await keeper.start();
  assert.equal(keeper.state, 'acquiring');
  assert.match(registry.refusal!.message, /no free server id: all 16 ids in 1\.\.16 hold a live lease/);
  store.full = false;
  await until('an id', () => keeper.state === 'serving');
  await keeper.drain();
});

test('drain: state draining while sessions remain, then release and released', async () => {
  const { store, registry, keeper, states } = setup();
  await keeper.start();
  const closed: number[] = [];
  const entry = addSession(registry, 5, closed);
  const token = keeper.token;
  const drained = keeper.drain();
  await until('draining', () => keeper.state === 'draining');
  assert.match(registry.refusal!.message, /shutting down/);
  assert.equal(store.released.length, 0, 'nothing released while a session remains');
  registry.unregister(entry.id);
  await drained;
  assert.deepEqual(store.released, [token]);
  assert.deepEqual(states, ['serving', 'draining', 'released']);
});
