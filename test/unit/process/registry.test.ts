import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProcessRegistry, type ProcessEntry } from '../../../src/process/registry.js';
import { encodeConnectionId } from '../../../src/process/connection-id.js';
import { MysqlError } from '../../../src/protocol/result.js';

function setup() {
  const registry = new ProcessRegistry(1);
  const closed: number[] = [];
  const add = (local: number, user: string, isAdmin = false): ProcessEntry => {
    const id = encodeConnectionId(1, local);
    return registry.register({ id, user, clientHost: `127.0.0.1:${40000 + local}`, isAdmin, close: () => closed.push(id) });
  };
  return { registry, closed, add };
}

const alice = { user: 'alice', isAdmin: false };

function mysqlCode(code: number) {
  return (err: unknown) => err instanceof MysqlError && err.code === code;
}

test('KILL QUERY aborts the running request and keeps the connection', () => {
  const { registry, closed, add } = setup();
  const victim = add(1, 'alice');
  const signal = victim.beginRequest();
  registry.kill(alice, BigInt(victim.id), 'query');
  assert.equal(signal.aborted, true);
  assert.equal((signal.reason as Error).message, 'Operation has been killed!');
  assert.equal(victim.closeRequested, false);
  assert.deepEqual(closed, []);
  victim.endRequest();
  assert.equal(victim.beginRequest().aborted, false, 'the next request runs normally');
});

test('KILL QUERY of an idle connection is a no-op', () => {
  const { registry, closed, add } = setup();
  const victim = add(1, 'alice');
  registry.kill(alice, BigInt(victim.id), 'query');
  assert.equal(victim.closeRequested, false);
  assert.deepEqual(closed, []);
  assert.equal(victim.beginRequest().aborted, false);
});

test('KILL CONNECTION of a busy connection: abort now, close after its response', () => {
  const { registry, closed, add } = setup();
  const victim = add(1, 'alice');
  const signal = victim.beginRequest();
  registry.kill(alice, BigInt(victim.id), 'connection');
  assert.equal(signal.aborted, true);
  assert.equal(victim.closeRequested, true);
  assert.deepEqual(closed, [], 'the socket stays open until the response is written');
  assert.deepEqual(registry.list(), [], 'hidden from the processlist');
});

test('KILL CONNECTION of an idle connection closes the socket at once', () => {
  const { registry, closed, add } = setup();
  const victim = add(1, 'alice');
  registry.kill(alice, BigInt(victim.id), 'connection');
  assert.deepEqual(closed, [victim.id]);
  assert.equal(victim.closeRequested, true);
  assert.equal(victim.beginRequest().aborted, true, 'a buffered packet after the kill starts no work');
});

test('double KILL, and QUERY then CONNECTION, close exactly once', () => {
  const { registry, closed, add } = setup();
  const idle = add(1, 'alice');
  registry.kill(alice, BigInt(idle.id), 'connection');
  registry.kill(alice, BigInt(idle.id), 'connection');
  assert.deepEqual(closed, [idle.id]);

  const busy = add(2, 'alice');
  const signal = busy.beginRequest();
  registry.kill(alice, BigInt(busy.id), 'query');
  registry.kill(alice, BigInt(busy.id), 'query');
  assert.equal(signal.aborted, true);
  assert.equal(busy.closeRequested, false);
  registry.kill(alice, BigInt(busy.id), 'connection');
  assert.equal(busy.closeRequested, true);
  assert.deepEqual(closed, [idle.id]);
});

test('victim finishes before the KILL arrives: QUERY no-op, CONNECTION closes the now-idle socket', () => {
  const { registry, closed, add } = setup();
  const victim = add(1, 'alice');
  const signal = victim.beginRequest();
  victim.endRequest();
  registry.kill(alice, BigInt(victim.id), 'query');
  assert.equal(signal.aborted, false, 'a finished request is not aborted after the fact');
  registry.kill(alice, BigInt(victim.id), 'connection');
  assert.deepEqual(closed, [victim.id]);
});

test('victim disconnected before the KILL arrives: 1094', () => {
  const { registry, add } = setup();
  const victim = add(1, 'alice');
  registry.unregister(victim.id);
  assert.throws(() => registry.kill(alice, BigInt(victim.id), 'connection'), mysqlCode(1094));
});

test('killing yourself with CONNECTION closes after the OK, not under it', () => {
  const { registry, closed, add } = setup();
  const self = add(1, 'alice');
  // even when the server does not track local commands as requests, the socket must not close first
  registry.kill({ ...alice, connectionId: self.id }, BigInt(self.id), 'connection');
  assert.deepEqual(closed, []);
  assert.equal(self.closeRequested, true);
});

test('privileges: own user name may kill, other users get 1095, admins may kill anyone', () => {
  const { registry, add } = setup();
  const bobs = add(1, 'bob');
  assert.throws(() => registry.kill(alice, BigInt(bobs.id), 'query'), (err: unknown) => {
    assert.ok(err instanceof MysqlError);
    assert.equal(err.code, 1095);
    assert.equal(err.sqlState, 'HY000');
    assert.equal(err.message, `You are not owner of thread ${bobs.id}`);
    return true;
  });
  registry.kill({ user: 'bob', isAdmin: false }, BigInt(bobs.id), 'query');
  registry.kill({ user: 'root', isAdmin: true }, BigInt(bobs.id), 'query');
});

test('unknown, odd, too wide and foreign-server ids answer 1094 with the id in the message', () => {
  const { registry, add } = setup();
  const victim = add(1, 'alice');
  const foreign = BigInt(encodeConnectionId(2, 1));
  for (const id of [BigInt(encodeConnectionId(1, 99)), BigInt(victim.id) + 1n, 0xffffffffn + 1n, 2n ** 64n, foreign, 0n, -2n]) {
    assert.throws(
      () => registry.kill({ user: 'root', isAdmin: true }, id, 'connection'),
      (err: unknown) => err instanceof MysqlError && err.code === 1094 && err.message === `Unknown thread id: ${id}`,
      String(id),
    );
  }
});

test('a foreign id never hits a local connection with the same local part', () => {
  const { registry, closed, add } = setup();
  const victim = add(3, 'alice');
  assert.throws(() => registry.kill(alice, BigInt(encodeConnectionId(7, 3)), 'connection'), mysqlCode(1094));
  assert.deepEqual(closed, []);
  assert.equal(victim.closeRequested, false);
});

test('list is ordered by id and the entry tracks stage, progress and reset', () => {
  const { registry, add } = setup();
  add(3, 'c');
  add(1, 'a');
  const b = add(2, 'b');
  assert.deepEqual(registry.list().map((e) => e.user), ['a', 'b', 'c']);
  b.beginRequest();
  b.setStage('CHECKING', 'CHECK');
  b.progress('insert into t values (1)', 150);
  assert.equal(b.percent, 100);
  b.progress('x', Number.NaN);
  assert.equal(b.percent, 0);
  b.dest = { user: 'u', host: 'h', port: 3306 };
  b.endRequest();
  assert.deepEqual([b.command, b.state, b.info, b.dest, b.percent, b.busy], ['LOCAL', 'INIT', '', null, 0, false]);
});
