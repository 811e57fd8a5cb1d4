// Cluster failure cases (docs/kill.md, "Failure behaviour") with real processes and a private MariaDB as the
// coordination store, so it can be stopped without disturbing other tests: the owner SIGKILLed before and after
// its lease expires, an instance restarted on the same address with a new id, our lease row deleted by hand,
// and the store lost and restored (fence, recovery, old ids answering 1094). Timings are seconds (FAST).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeConnectionId, encodeConnectionId } from '../../../src/process/connection-id.js';
import { eventually, FAST, pauseMariaDb, privateStoreCluster, restartMariaDb, within } from '../../support/cluster.js';
import { connectTo, handshakeId, mysqlErrorOf, socketClosed } from '../kill/helpers.js';

const LOCAL_QUERY = "inception get variables like 'version'";

/** A server id that none of these connection ids carries. */
function unleasedServerId(ids: number[]): number {
  const used = new Set(ids.map((id) => decodeConnectionId(id)!.serverId));
  return [1, 2, 3].find((s) => !used.has(s))!;
}

describe('cluster failures', () => {
  const cluster = privateStoreCluster();
  const { member, storeQuery } = cluster;

  test('owner SIGKILLed: a forwarded KILL fails fast with a real error, the processlist warns, and after the lease expires the id is unknown', async () => {
    // a lease long enough that a slow machine still finds it live right after the crash
    const timings = { leaseSeconds: 16, fenceSeconds: 8 };
    const [a, b] = await Promise.all([member({ timings }), member({ timings })]);
    const victim = await connectTo(b.sqlPort);
    const id = handshakeId(victim);
    const bServerId = decodeConnectionId(id)!.serverId;
    await b.crash();
    victim.destroy();
    const killer = await connectTo(a.sqlPort);
    try {
      await within(FAST.forwardTimeoutMs + 5000, 'the forwarded KILL to fail', assert.rejects(killer.query(`KILL QUERY ${id}`), mysqlErrorOf(1105, new RegExp(`^KILL forwarding to instance ${bServerId} \\(${b.statusAddress}\\) failed: `))));

      const [rows] = await killer.query('inception show cluster processlist');
      assert.ok((rows as Record<string, unknown>[]).every((r) => Number(r.SERVER_ID) !== bServerId), 'nothing listed for the dead instance');
      const [warnings] = await killer.query('SHOW WARNINGS');
      assert.deepEqual(
        (warnings as Record<string, unknown>[]).map((w) => [w.Level, Number(w.Code)]),
        [['Warning', 1105]],
      );
      assert.match(String((warnings as Record<string, unknown>[])[0]!.Message), new RegExp(`^instance ${bServerId} \\(${b.statusAddress}\\) did not answer`));

      // once the lease has expired (by the store's clock) the id names nobody
      await eventually('the dead lease to expire', (timings.leaseSeconds + 15) * 1000, async () => {
        try {
          await killer.query(`KILL QUERY ${id}`);
          return false;
        } catch (err) {
          return (err as { errno?: number }).errno === 1094;
        }
      });
    } finally {
      await killer.end();
      await a.stop();
    }
  });

  test('an instance restarted on the same address with a new id never kills the session that now has the old number', async () => {
    const [a, b] = await Promise.all([member(), member()]);
    const before = await connectTo(b.sqlPort);
    const oldId = handshakeId(before);
    await b.crash();
    before.destroy();
    // same SQL and status ports; the old id is still leased, so the new process gets another one
    const b2 = await member({ sqlPort: b.sqlPort, statusPort: b.statusPort });
    const fresh = await connectTo(b2.sqlPort);
    const killer = await connectTo(a.sqlPort);
    try {
      const newId = handshakeId(fresh);
      assert.notEqual(decodeConnectionId(newId)!.serverId, decodeConnectionId(oldId)!.serverId);
      assert.equal(decodeConnectionId(newId)!.localId, decodeConnectionId(oldId)!.localId, 'the same local number, the hazardous case');
      await assert.rejects(killer.query(`KILL ${oldId}`), mysqlErrorOf(1094, `Unknown thread id: ${oldId}`));
      const [rows] = await fresh.query(LOCAL_QUERY);
      assert.equal((rows as unknown[]).length, 1, 'the new session is untouched');
    } finally {
      await killer.end();
      await fresh.end();
      await Promise.all([a.stop(), b2.stop()]);
    }
  });

  test('our lease row deleted by hand: the instance fences at its next heartbeat, then serves again under a new id', async () => {
    const a = await member();
    const conn = await connectTo(a.sqlPort);
    const oldServerId = decodeConnectionId(handshakeId(conn))!.serverId;
    const closed = socketClosed(conn);
    await storeQuery('DELETE FROM server_ids WHERE server_id = ?', [oldServerId]);
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
    const [a, b] = await Promise.all([member(), member()]);
    const onA = await connectTo(a.sqlPort);
    const onB = await connectTo(b.sqlPort);
    const oldA = handshakeId(onA);
    const oldB = handshakeId(onB);
    const closedA = socketClosed(onA);
    const closedB = socketClosed(onB);
    // the cluster processlist refreshes a's directory: b is in it when the store goes away
    const [listed] = await onA.query('inception show cluster processlist');
    assert.ok((listed as Record<string, unknown>[]).some((r) => Number(r.Id) === oldB));
    await pauseMariaDb(cluster.store.dir);
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
      restartMariaDb(cluster.store.dir, cluster.store.port);
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
