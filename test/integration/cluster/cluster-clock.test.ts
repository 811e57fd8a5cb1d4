// A wrong clock on one instance and a crashed instance's id (docs/kill.md, "Server ids and leases"): with one id
// for two instances, the crashed holder's id is taken only once its lease has expired by the store's clock, even
// though the holder's own wall clock was a day behind. Real processes, a private MariaDB as the store (its
// trigger records when each lease row was deleted). Its own file: each test file has one run-time budget.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, StoreFixture } from '../../support/cluster.js';

const fx = new StoreFixture();
before(() => fx.open());
after(() => fx.close());

test("a crashed instance's id is taken only once its lease has expired by the store's clock, even when the instance's own clock is a day behind", async () => {
  // one id for two instances: the second can only have it once the first one's lease is over
  const timings = { maxServerId: 1, leaseSeconds: 10, fenceSeconds: 5 };
  const behind = await fx.member({ timings, clockSkewMs: -86_400_000 });
  assert.equal((await behind.readiness()).serverId, 1);
  // every delete of a lease row is recorded with the store's time, to see when the crashed one was reaped
  await fx.query('CREATE TABLE IF NOT EXISTS reaped (server_id INT, owner_token CHAR(36), lease_until DATETIME(3), deleted_at DATETIME(3))');
  await fx.query('DELETE FROM reaped');
  await fx.query(
    `CREATE OR REPLACE TRIGGER server_ids_reaped BEFORE DELETE ON server_ids FOR EACH ROW
     INSERT INTO reaped VALUES (OLD.server_id, OLD.owner_token, OLD.lease_until, UTC_TIMESTAMP(3))`,
  );
  try {
    const [row] = await fx.query<{ live: number; token: string }[]>('SELECT lease_until > UTC_TIMESTAMP(3) AS live, owner_token AS token FROM server_ids WHERE server_id = 1');
    assert.equal(Number(row!.live), 1, "the lease is written with the store's clock, not the instance's (a day behind)");
    const next = await fx.member({ timings }, false);
    const why = /no free server id: all 1 ids in 1\.\.1 hold a live lease/;
    await eventually('the second instance to say why it waits', 60_000, async () => why.test((await next.readiness()).reason));
    await behind.crash();
    const ready = await next.waitReady();
    assert.equal(ready.serverId, 1);
    const [reaped] = await fx.query<{ expired: number }[]>('SELECT deleted_at >= lease_until AS expired FROM reaped WHERE owner_token = ?', [row!.token]);
    assert.equal(Number(reaped?.expired), 1, 'the crashed lease was deleted only after it had expired');
    const [taken] = await fx.query<{ after: number }[]>(
      'SELECT s.acquired_at >= r.lease_until AS after FROM server_ids s JOIN reaped r ON r.owner_token = ? WHERE s.server_id = 1',
      [row!.token],
    );
    assert.equal(Number(taken?.after), 1, 'and the id was acquired again only then');
    await next.stop();
  } finally {
    await fx.query('DROP TRIGGER IF EXISTS server_ids_reaped');
  }
});

