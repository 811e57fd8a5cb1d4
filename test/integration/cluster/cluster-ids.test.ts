// Server-id allocation and shutdown with real processes (docs/kill.md): instances started at once in a tiny id
// space (max_server_id = 2) — two serve with distinct ids, the third refuses clients and says why, and takes
// the id a gracefully stopped instance releases; a draining instance keeps its lease while a batch finishes and
// forwarded KILLs still reach it.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import mysql from 'mysql2/promise';
import { Member, eventually, within } from '../../support/cluster.js';
import { directConnection, freshDatabase, testDb, type TestDb } from '../../support/mariadb.js';
import { connectTo, handshakeId } from '../kill/helpers.js';

const STORE_DB = 'inceptor_cluster_ids_test';
const DATABASE = 'cluster_ids';
type Cell = string | number | null;
/** Leases far longer than the test: an id that changes hands was released, not expired. */
const LONG_LEASE = { maxServerId: 2, leaseSeconds: 120, fenceSeconds: 60 };

describe('server ids: a tiny id space, release and drain', () => {
  let db: TestDb;
  let members: Member[] = [];

  async function leaseRows(): Promise<{ server_id: number; state: string }[]> {
    const conn = await mysql.createConnection({ ...db, database: STORE_DB });
    try {
      const [rows] = await conn.query('SELECT server_id, state FROM server_ids ORDER BY server_id');
      return rows as { server_id: number; state: string }[];
    } finally {
      await conn.end();
    }
  }

  before(async () => {
    db = await testDb();
    await freshDatabase(DATABASE);
    const conn = await directConnection();
    await conn.query(`DROP DATABASE IF EXISTS \`${STORE_DB}\``);
    await conn.end();
    members = await Promise.all([0, 1, 2].map(() => Member.create({ store: db, storeDb: STORE_DB, timings: LONG_LEASE })));
    await Promise.all(members.map((m) => m.start()));
  });
  after(async () => {
    await Promise.all(members.map((m) => m.dispose()));
  });

  let waiting: Member;
  let serving: Member[];

  test('three instances at once, two ids: two serve with distinct ids, the third refuses clients and says why', async () => {
    await eventually('two instances to be ready', 60_000, async () => {
      const states = await Promise.all(members.map((m) => m.readiness()));
      return states.filter((s) => s.ready).length === 2;
    });
    const states = await Promise.all(members.map((m) => m.readiness()));
    serving = members.filter((_, i) => states[i]!.ready);
    waiting = members.find((_, i) => !states[i]!.ready)!;
    assert.deepEqual(states.filter((s) => s.ready).map((s) => s.serverId).sort(), [1, 2]);
    const why = /no free server id: all 2 ids in 1\.\.2 hold a live lease \(\[cluster\] max_server_id\)/;
    await eventually('the third instance to give its reason', 30_000, async () => why.test((await waiting.readiness()).reason));
    const refused = await waiting.readiness();
    assert.deepEqual([refused.ready, refused.state, refused.serverId], [false, 'acquiring', null]);
    assert.match(waiting.log, why, 'the log says why');
    await assert.rejects(connectTo(waiting.sqlPort), (err: unknown) => {
      assert.match((err as Error).message, /^inceptor instance is not serving: no free server id/);
      return true;
    });
  });

  test('a stopped instance releases its id at once (long before its lease would expire); the waiting one takes it', async () => {
    const leaving = serving[0]!;
    const freed = (await leaving.readiness()).serverId;
    assert.equal(await leaving.stop(), 0);
    assert.match(leaving.log, /"msg":"server id released"/);
    const ready = await waiting.waitReady(30_000);
    assert.equal(ready.serverId, freed);
    const conn = await connectTo(waiting.sqlPort);
    assert.ok(handshakeId(conn) > 0);
    await conn.end();
  });

  test('draining: the lease stays (state draining) while a batch runs, a forwarded KILL reaches it, then the id is released', async () => {
    const [draining, peer] = [serving[1]!, waiting];
    const drainId = (await draining.readiness()).serverId;
    const setup = await directConnection(DATABASE);
    await setup.query('DROP TABLE IF EXISTS t');
    await setup.query("CREATE TABLE t (id INT NOT NULL PRIMARY KEY COMMENT 'id', c VARCHAR(50) NOT NULL DEFAULT '' COMMENT 'c') ENGINE=InnoDB COMMENT='t'");
    await setup.query('INSERT INTO t VALUES ' + Array.from({ length: 20 }, (_, i) => `(${i + 1},'before')`).join(','));
    await setup.end();
    const updates = Array.from({ length: 20 }, (_, i) => `update t set c = 'after' where id = ${i + 1} and sleep(0.3) = 0;`);
    const batch = [`/*--user=${db.user};--password=${db.password};--host=${db.host};--port=${db.port};--execute=1;--ignore-warnings=1;*/`,
      'inception_magic_start;', `use \`${DATABASE}\`;`, ...updates, 'inception_magic_commit;'].join('\n');
    const client = await connectTo(draining.sqlPort);
    const id = handshakeId(client);
    const observer = await connectTo(draining.sqlPort);
    const pending = client.query({ sql: batch, rowsAsArray: true }).catch(() => null);
    await eventually('the batch to execute', 30_000, async () => {
      const [rows] = await observer.query('inception show processlist');
      return (rows as { Id: number; STATE: string }[]).some((r) => Number(r.Id) === id && r.STATE === 'EXECUTING');
    });
    await observer.end();
    const exited = draining.stop(60_000);
    await eventually('the row to say draining', 15_000, async () => (await leaseRows()).some((r) => r.server_id === drainId && r.state === 'draining'));
    const killer = await connectTo(peer.sqlPort);
    try {
      await killer.query(`KILL QUERY ${id}`);
    } finally {
      await killer.end();
    }
    assert.equal(await within(60_000, 'the drained instance to exit', exited), 0);
    await pending;
    assert.ok((await leaseRows()).every((r) => r.server_id !== drainId), 'released once the batch ended');
    const check = await directConnection(DATABASE);
    const [rows] = await check.query({ sql: "SELECT COUNT(*) FROM t WHERE c = 'after'", rowsAsArray: true });
    await check.end();
    const done = Number((rows as Cell[][])[0]![0]);
    assert.ok(done >= 1 && done < 20, `the KILL stopped the batch early (${done} of 20 executed)`);
  });
});
