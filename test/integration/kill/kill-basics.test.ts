// KILL without a running batch (docs/kill.md): ids, idle
// kills, error numbers, privileges, KILL CONNECTION_ID(), and what the processlist shows to whom.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeConnectionId, encodeConnectionId } from '../../../src/process/connection-id.js';
import { USERS, startTestInceptor, type RunningInceptor } from '../clients/inceptor-under-test.js';
import { connectTo, handshakeId, mysqlErrorOf, processlist, socketClosed, within } from './helpers.js';

const LOCAL_QUERY = "inception get variables like 'version'";

describe('KILL and processlist without a batch (skip-grant)', () => {
  let inceptor: RunningInceptor;
  before(async () => {
    inceptor = await startTestInceptor();
  });
  after(async () => {
    await inceptor?.close();
  });

  test('handshake id == SELECT CONNECTION_ID() == processlist Id, in the 32-bit layout of server 1', async () => {
    const conn = await connectTo(inceptor.port);
    try {
      const id = handshakeId(conn);
      assert.deepEqual(decodeConnectionId(id)?.serverId, 1);
      const [rows] = await conn.query({ sql: 'SELECT CONNECTION_ID()', rowsAsArray: true });
      assert.equal(Number((rows as unknown[][])[0]![0]), id);
      const own = (await processlist(conn)).find((r) => r.Id === id);
      assert.ok(own, 'own connection is listed');
      assert.equal(own.Command, 'LOCAL');
      assert.match(own.From_Host, /^root@127\.0\.0\.1/);
    } finally {
      await conn.end();
    }
  });

  test('KILL QUERY of an idle connection is a no-op', async () => {
    const [killer, victim] = [await connectTo(inceptor.port), await connectTo(inceptor.port)];
    try {
      await killer.query(`KILL QUERY ${handshakeId(victim)}`);
      const [rows] = await victim.query(LOCAL_QUERY);
      assert.equal((rows as unknown[]).length, 1, 'the victim still answers');
    } finally {
      await killer.end();
      await victim.end();
    }
  });

  test('KILL CONNECTION of an idle connection closes its socket at once; bare KILL means CONNECTION', async () => {
    const killer = await connectTo(inceptor.port);
    try {
      for (const form of ['KILL CONNECTION', 'KILL']) {
        const victim = await connectTo(inceptor.port);
        const closed = socketClosed(victim);
        const id = handshakeId(victim);
        await killer.query(`${form} ${id}`);
        await within(3000, `the idle victim's socket to close after ${form}`, closed);
        assert.equal((await processlist(killer)).some((r) => r.Id === id), false, 'gone from the processlist');
      }
    } finally {
      await killer.end();
    }
  });

  test('1094 for unknown, odd, too wide and foreign-server ids; a stale id does not hit anyone', async () => {
    const killer = await connectTo(inceptor.port);
    const victim = await connectTo(inceptor.port);
    try {
      const id = handshakeId(victim);
      const local = decodeConnectionId(id)!.localId;
      const bad = [encodeConnectionId(1, 1000), id + 1, 4294967296, 18446744073709551615n, encodeConnectionId(2, local), 0];
      for (const n of bad) {
        await assert.rejects(killer.query(`KILL ${n}`), mysqlErrorOf(1094, `Unknown thread id: ${n}`), String(n));
        await assert.rejects(killer.query(`KILL QUERY ${n}`), mysqlErrorOf(1094), String(n));
      }
      const [rows] = await victim.query(LOCAL_QUERY);
      assert.equal((rows as unknown[]).length, 1, 'the victim sharing the local part was not touched');

      const gone = await connectTo(inceptor.port);
      const goneId = handshakeId(gone);
      await gone.end();
      // the server notices the QUIT asynchronously: poll until the entry is gone, then expect 1094
      const deadline = Date.now() + 3000;
      while ((await processlist(killer)).some((r) => r.Id === goneId) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      await assert.rejects(killer.query(`KILL ${goneId}`), mysqlErrorOf(1094));
    } finally {
      await killer.end();
      await victim.end();
    }
  });

  test('double KILL, and KILL QUERY then KILL CONNECTION (old CLI second Ctrl-C)', async () => {
    const killer = await connectTo(inceptor.port);
    try {
      const victim = await connectTo(inceptor.port);
      const closed = socketClosed(victim);
      const id = handshakeId(victim);
      await killer.query(`KILL QUERY ${id}`);
      await killer.query(`KILL QUERY ${id}`);
      await killer.query(`KILL CONNECTION ${id}`);
      await within(3000, 'the victim to close', closed);
      // a second KILL CONNECTION racing the close: OK (still closing) or 1094 (gone), never a crash
      await killer.query(`KILL ${id}`).catch(mysqlErrorOf(1094));
      const [rows] = await killer.query(LOCAL_QUERY);
      assert.equal((rows as unknown[]).length, 1, 'the server is fine');
    } finally {
      await killer.end();
    }
  });

  test('KILL CONNECTION_ID(): OK, then the connection closes; KILL QUERY CONNECTION_ID() keeps it', async () => {
    const conn = await connectTo(inceptor.port);
    try {
      const [ok] = await conn.query('KILL QUERY CONNECTION_ID()');
      assert.equal((ok as { affectedRows: number }).affectedRows, 0);
      const [rows] = await conn.query(LOCAL_QUERY);
      assert.equal((rows as unknown[]).length, 1);
    } finally {
      await conn.end();
    }
    const self = await connectTo(inceptor.port);
    const closed = socketClosed(self);
    await self.query('KILL CONNECTION_ID()');
    await within(3000, 'the self-killed connection to close after its OK', closed);
    await assert.rejects(self.query(LOCAL_QUERY));
  });
});

describe('KILL privileges with grants on', () => {
  let inceptor: RunningInceptor;
  before(async () => {
    inceptor = await startTestInceptor({ grants: true });
  });
  after(async () => {
    await inceptor?.close();
  });

  test('own user may kill, another user gets 1095, an admin may kill anyone', async () => {
    const alice = await connectTo(inceptor.port, { user: USERS.alice.name, password: USERS.alice.password });
    const bob1 = await connectTo(inceptor.port, { user: USERS.bob.name, password: USERS.bob.password });
    const bob2 = await connectTo(inceptor.port, { user: USERS.bob.name, password: USERS.bob.password });
    const admin = await connectTo(inceptor.port, { user: USERS.admin.name, password: USERS.admin.password });
    try {
      const bob1Id = handshakeId(bob1);
      await assert.rejects(alice.query(`KILL ${bob1Id}`), mysqlErrorOf(1095, `You are not owner of thread ${bob1Id}`));
      await assert.rejects(alice.query(`KILL QUERY ${bob1Id}`), mysqlErrorOf(1095));
      await assert.rejects(alice.query(`KILL ${handshakeId(admin)}`), mysqlErrorOf(1095));
      const [rows] = await bob1.query(LOCAL_QUERY);
      assert.equal((rows as unknown[]).length, 1, 'bob1 untouched by the refused kill');

      const bob2Closed = socketClosed(bob2);
      await bob1.query(`KILL ${handshakeId(bob2)}`);
      await within(3000, "bob's own kill to close bob2", bob2Closed);

      const aliceClosed = socketClosed(alice);
      await admin.query(`KILL ${handshakeId(alice)}`);
      await within(3000, 'the admin kill to close alice', aliceClosed);
    } finally {
      for (const c of [alice, bob1, bob2, admin]) await c.end().catch(() => undefined);
    }
  });

  test('processlist: a non-admin sees only its own user, an admin sees everyone', async () => {
    const alice = await connectTo(inceptor.port, { user: USERS.alice.name, password: USERS.alice.password });
    const bob = await connectTo(inceptor.port, { user: USERS.bob.name, password: USERS.bob.password });
    const admin = await connectTo(inceptor.port, { user: USERS.admin.name, password: USERS.admin.password });
    try {
      const ids = async (c: typeof alice) => (await processlist(c)).map((r) => r.Id);
      assert.deepEqual(await ids(alice), [handshakeId(alice)]);
      assert.deepEqual(await ids(bob), [handshakeId(bob)]);
      const all = await ids(admin);
      for (const c of [alice, bob, admin]) assert.ok(all.includes(handshakeId(c)));
      assert.deepEqual(all, [...all].sort((a, b) => a - b), 'ordered by id');
    } finally {
      for (const c of [alice, bob, admin]) await c.end().catch(() => undefined);
    }
  });
});
