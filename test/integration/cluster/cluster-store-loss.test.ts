// The coordination store's failures (docs/kill.md, "Failure behaviour") with real processes and a private MariaDB
// as the store, stopped and restarted here: our lease row deleted by hand, and the store lost and restored (fence,
// recovery, old ids answering 1094). Timings are seconds (FAST).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeConnectionId, encodeConnectionId } from '../../../src/process/connection-id.js';
import { eventually, FAST, pauseMariaDb, restartMariaDb, StoreFixture, within } from '../../support/cluster.js';
import { connectTo, handshakeId, mysqlErrorOf, socketClosed } from '../kill/helpers.js';

/** A server id that none of these connection ids carries. */
function unleasedServerId(ids: number[]): number {
  const used = new Set(ids.map((id) => decodeConnectionId(id)!.serverId));
  return [1, 2, 3].find((s) => !used.has(s))!;
}

describe('cluster store loss', () => {
  const fx = new StoreFixture();
  before(() => fx.open());
  after(() => fx.close());

  test('our lease row deleted by hand: the instance fences at its next heartbeat, then serves again under a new id', async () => {
    const a = await fx.member();
    const conn = await connectTo(a.sqlPort);
    const oldServerId = decodeConnectionId(handshakeId(conn))!.serverId;
    const closed = socketClosed(conn);
    await fx.query('DELETE FROM server_ids WHERE server_id = ?', [oldServerId]);
    await within(15_000, 'the fence to close the session', closed);
    await eventually('the fence to be logged', 5000, () => /the lease row of server id \d+ was deleted or taken over/.test(a.log));
    const again = await a.waitReady();
    assert.notEqual(again.serverId, oldServerId);
    const next = await connectTo(a.sqlPort);
    assert.equal(decodeConnectionId(handshakeId(next))!.serverId, again.serverId);
    await next.end();
    await a.stop();
  });

  test('store lost: sessions run on until fence_seconds, then are closed and new ones refused; store back: a new id, old ids answer 1094', async () => {
    const [a, b] = await Promise.all([fx.member(), fx.member()]);
    const onA = await connectTo(a.sqlPort);
    const onB = await connectTo(b.sqlPort);
    const oldA = handshakeId(onA);
    const oldB = handshakeId(onB);
    const closedA = socketClosed(onA);
    const closedB = socketClosed(onB);
    // the cluster processlist refreshes a's directory: b is in it when the store goes away
    const [listed] = await onA.query('inception show cluster processlist');
    assert.ok((listed as Record<string, unknown>[]).some((r) => Number(r.Id) === oldB));
    await pauseMariaDb(fx.store.dir);
    try {
      // before the fence: forwarding works from the cached directory; an id the cache does not know cannot be
      // confirmed unleased without the store, so it is a real error, not 1094
      await onA.query(`KILL QUERY ${oldB}`);
      const unknown = encodeConnectionId(unleasedServerId([oldA, oldB]), 1);
      await assert.rejects(onA.query(`KILL QUERY ${unknown}`), mysqlErrorOf(1105, new RegExp(`^KILL ${unknown}: server id \\d+ is not in the cached lease directory and the coordination store cannot be read: `)));
      await within((FAST.fenceSeconds + 10) * 1000, 'the fence to close both sessions', Promise.all([closedA, closedB]));
      const fenced = await a.readiness();
      assert.equal(fenced.ready, false);
      assert.equal(fenced.state, 'fenced');
      assert.match(fenced.reason, /no successful heartbeat/);
      await assert.rejects(connectTo(a.sqlPort), (err: unknown) => {
        assert.match((err as Error).message, /inceptor instance is not serving: fenced: no successful heartbeat/);
        return true;
      });
    } finally {
      restartMariaDb(fx.store.dir, fx.store.port);
    }
    const [readyA] = await Promise.all([a.waitReady(), b.waitReady()]);
    assert.notEqual(readyA.serverId, decodeConnectionId(oldA)!.serverId, 'a new id after the fence');
    const fresh = await connectTo(a.sqlPort);
    const other = await connectTo(b.sqlPort);
    try {
      for (const old of [oldA, oldB]) await assert.rejects(fresh.query(`KILL ${old}`), mysqlErrorOf(1094, `Unknown thread id: ${old}`));
      const closed = socketClosed(other);
      await fresh.query(`KILL ${handshakeId(other)}`);
      await within(5000, 'a KILL between new connections', closed);
    } finally {
      await fresh.end();
      other.destroy();
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
