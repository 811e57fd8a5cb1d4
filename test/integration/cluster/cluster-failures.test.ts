// Cluster failure cases (docs/kill.md, "Failure behaviour") with real processes and a private MariaDB as the
// coordination store: the owner SIGKILLed before and after its lease expires, and an instance restarted on the
// same address with a new id. The store's own failures are in cluster-store-loss.test.ts: each test file has one
// run-time budget, and every instance started here costs seconds on a loaded machine. Timings are seconds (FAST).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeConnectionId } from '../../../src/process/connection-id.js';
import { eventually, FAST, StoreFixture, within } from '../../support/cluster.js';
import { connectTo, handshakeId, mysqlErrorOf } from '../kill/helpers.js';

const LOCAL_QUERY = "inception get variables like 'version'";

describe('cluster failures', () => {
  const fx = new StoreFixture();
  before(() => fx.open());
  after(() => fx.close());

  test('owner SIGKILLed: a forwarded KILL fails fast with a real error, the processlist warns, and after the lease expires the id is unknown', async () => {
    // a lease long enough that a slow machine still finds it live right after the crash
    const timings = { leaseSeconds: 16, fenceSeconds: 8 };
    const [a, b] = await Promise.all([fx.member({ timings }), fx.member({ timings })]);
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
    const [a, b] = await Promise.all([fx.member(), fx.member()]);
    const before = await connectTo(b.sqlPort);
    const oldId = handshakeId(before);
    await b.crash();
    before.destroy();
    // same SQL and status ports; the old id is still leased, so the new process gets another one
    const b2 = await fx.member({ sqlPort: b.sqlPort, statusPort: b.statusPort });
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

});
