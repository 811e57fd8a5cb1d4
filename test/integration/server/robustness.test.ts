// The connection layer under raw protocol traffic: commands mysql2 cannot send, wrong sequence ids, oversize
// packets, garbage (a bounded fuzz), clients vanishing mid-handshake or mid-request, handshake timeout,
// connection-id exhaustion. Afterwards normal clients still work and nothing is left in the registry.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import mysql from 'mysql2/promise';
import { Command } from '../../../src/protocol/constants.js';
import { decodeErr, decodeOk } from '../../../src/protocol/responses.js';
import { framePackets } from '../../../src/protocol/framing.js';
import { encodeHandshakeResponse41 } from '../../../src/protocol/handshake.js';
import { CLIENT_CAPS, RawClient } from './raw-client.js';
import { startServer, type Started } from './harness.js';
import { fuzzSeed, seededRandom } from '../../support/seeded-random.js';

async function eventually(what: string, check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * The fuzz draws from a seeded generator (mulberry32) so a failing run can be replayed:
 * `INCEPTOR_FUZZ_SEED=<seed printed by the failure> node scripts/run-tests.mjs robustness`.
 */
const FUZZ_SEED = fuzzSeed('INCEPTOR_FUZZ_SEED');

function randomBlob(random: () => number, maxLength: number): Buffer {
  const blob = Buffer.alloc(1 + Math.floor(random() * maxLength));
  for (let i = 0; i < blob.length; i++) blob[i] = Math.floor(random() * 256);
  return blob;
}

async function stillServes(s: Started): Promise<void> {
  const c = await mysql.createConnection({ host: '127.0.0.1', port: s.port, user: 'root', connectTimeout: 5000 });
  const [rows] = (await c.query('select rows')) as unknown as [unknown[]];
  assert.equal(rows.length, 2);
  await c.end();
  await eventually('an empty registry', () => s.registry.list().length === 0);
}

describe('raw commands', () => {
  let s: Started;
  before(async () => (s = await startServer()));
  after(() => s.close());

  test('INIT_DB, PING, STATISTICS, SET_OPTION, FIELD_LIST, RESET_CONNECTION, unknown → 1047', async () => {
    const c = await RawClient.login(s.port);
    c.command(Command.INIT_DB, 'shop');
    assert.equal((await c.read()).payload[0], 0x00);
    assert.equal(s.registry.get(c.handshake.connectionId)!.db, 'shop');
    c.command(Command.INIT_DB, '');
    assert.equal(decodeErr((await c.read()).payload).code, 1046);
    c.command(Command.PING);
    const ping = await c.read();
    assert.equal(ping.sequenceId, 1, 'replies start at sequence id 1');
    assert.equal(decodeOk(ping.payload).statusFlags & 2, 2, 'autocommit in the status');
    c.command(Command.STATISTICS);
    assert.match((await c.read()).payload.toString(), /^Uptime: \d+  Threads: \d+  Questions: \d+/);
    c.command(Command.SET_OPTION, Buffer.from([1, 0]));
    assert.deepEqual([...(await c.read()).payload], [0xfe, 0, 0, 2, 0], 'EOF without DEPRECATE_EOF');
    c.command(Command.FIELD_LIST, Buffer.from('t\0'));
    assert.equal((await c.read()).payload[0], 0xfe);
    c.command(Command.QUERY, 'set autocommit=0');
    assert.equal(decodeOk((await c.read()).payload).statusFlags & 2, 0, 'autocommit off in the status');
    c.command(Command.RESET_CONNECTION);
    assert.equal(decodeOk((await c.read()).payload).statusFlags & 2, 2, 'reset restores autocommit');
    for (const code of [Command.STMT_FETCH, Command.BINLOG_DUMP, 0x20, 0xff]) {
      c.command(code, Buffer.from([1, 2, 3]));
      const err = decodeErr((await c.read()).payload);
      assert.deepEqual([err.code, err.sqlState, err.message], [1047, '08S01', 'Unknown command']);
    }
    c.command(Command.SET_OPTION);
    assert.equal(decodeErr((await c.read()).payload).code, 1835, 'truncated command → malformed packet');
    c.command(Command.QUERY, 'whoami');
    assert.equal((await c.read()).payload[0], 4, 'still serving: a 4-column result');
    c.command(Command.QUIT);
    assert.ok(await c.waitClosed());
    await eventually('an empty registry', () => s.registry.list().length === 0);
  });

  test('a command with a non-zero sequence id gets 1156 and the connection closes', async () => {
    const c = await RawClient.login(s.port);
    c.send(Buffer.from([Command.PING]), 5);
    const err = decodeErr((await c.read()).payload);
    assert.equal(err.code, 1156);
    assert.ok(await c.waitClosed());
  });

  test('pipelined commands are answered in order', async () => {
    const c = await RawClient.login(s.port);
    c.socket.write(Buffer.concat([
      framePackets([Buffer.from('\x03sleep 50')], 0).buffer,
      framePackets([Buffer.from([Command.PING])], 0).buffer,
      framePackets([Buffer.from('\x03select 1')], 0).buffer,
    ]));
    assert.equal(decodeOk((await c.read()).payload).info, 'slept');
    assert.equal((await c.read()).payload.length, 7, 'the ping OK');
    assert.equal((await c.read()).payload[0], 1, 'one column');
    c.destroy();
  });
});

describe('limits', () => {
  test('a packet above max_allowed_packet gets 1153 and the connection closes; 16 MB+ queries within it are joined', async () => {
    const small = await startServer({ maxAllowedPacket: 64 * 1024 });
    const c = await mysql.createConnection({ host: '127.0.0.1', port: small.port, user: 'root' });
    (c as unknown as { connection: { on(e: string, f: () => void): void } }).connection.on('error', () => undefined);
    await assert.rejects(c.query(`select '${'x'.repeat(70 * 1024)}'`), (err: { errno?: number; message: string }) => {
      return err.errno === 1153 && /max_allowed_packet/.test(err.message);
    });
    await stillServes(small);
    c.destroy();
    await small.close();

    const big = await startServer({ maxAllowedPacket: 20 * 1024 * 1024 });
    const c2 = await mysql.createConnection({ host: '127.0.0.1', port: big.port, user: 'root' });
    const sql = `update t set a = '${'y'.repeat(17 * 1024 * 1024)}'`;
    await c2.query(sql);
    assert.equal(big.seen.at(-1)!.sql.length, sql.length);
    await c2.end();
    await big.close();
  });

  test('connection ids are released: 3-bit ids survive many connections, exhaustion answers 1040', async () => {
    const s = await startServer({ localIdBits: 2 });
    for (let i = 0; i < 8; i++) {
      const c = await RawClient.login(s.port);
      c.command(Command.QUIT);
      await c.waitClosed();
    }
    await eventually('released ids', () => s.registry.list().length === 0);
    const held = await Promise.all([1, 2, 3].map(() => RawClient.login(s.port)));
    assert.equal(new Set(held.map((c) => c.handshake.connectionId)).size, 3);
    const refused = await RawClient.open(s.port);
    const err = decodeErr((await refused.read()).payload);
    assert.deepEqual([err.code, err.sqlState, err.message], [1040, '08004', 'Too many connections']);
    assert.ok(await refused.waitClosed());
    held[0]!.destroy();
    await eventually('one id free', () => s.registry.list().length === 2);
    const again = await RawClient.login(s.port);
    assert.equal(again.handshake.connectionId, held[0]!.handshake.connectionId, 'the freed id is the only one left');
    for (const c of [...held, again]) c.destroy();
    await eventually('an empty registry', () => s.registry.list().length === 0);
    await s.close();
  });
});

describe('bad clients', () => {
  let s: Started;
  before(async () => (s = await startServer({ handshakeTimeoutMs: 300 })));
  after(() => s.close());

  test('a handshake that never completes is closed after the timeout', async () => {
    const c = await RawClient.open(s.port);
    await c.read();
    const started = Date.now();
    assert.ok(await c.waitClosed(3000), 'closed by the server');
    assert.ok(Date.now() - started >= 250);
  });

  test('an authenticated idle client is not timed out', async () => {
    const c = await RawClient.login(s.port);
    await new Promise((r) => setTimeout(r, 600));
    c.command(Command.PING);
    assert.equal((await c.read()).payload[0], 0);
    c.destroy();
  });

  test('disconnect mid-handshake and mid-request leaks nothing', async () => {
    const a = await RawClient.open(s.port);
    await a.read();
    a.destroy();
    const b = await RawClient.open(s.port);
    await b.read();
    b.socket.write(Buffer.from([0x40, 0, 0, 1, 0x05, 0xa6]));
    b.destroy();
    const c = await RawClient.login(s.port);
    const id = c.handshake.connectionId;
    c.command(Command.QUERY, 'sleep 2000'); // long enough to outlast the checks below on a loaded machine
    await eventually('the request running', () => s.registry.get(id)?.busy === true);
    c.destroy();
    await new Promise((r) => setTimeout(r, 50));
    assert.ok(s.registry.get(id), 'the entry stays while its request runs');
    await eventually('an empty registry', () => s.registry.list().length === 0);
    const d = await RawClient.login(s.port);
    d.command(Command.QUERY, `big ${2 * 1024 * 1024}`);
    await new Promise((r) => setTimeout(r, 5));
    d.destroy();
    await stillServes(s);
  });

  test('malformed handshake responses get 1043 or 1156 and are closed', async () => {
    const cases: [Buffer, number, number][] = [
      [Buffer.from([1, 2, 3]), 1, 1043],
      [Buffer.alloc(40), 1, 1043],
      [encodeHandshakeResponse41({ capabilities: CLIENT_CAPS, maxPacketSize: 0, collation: 45, user: 'u', authResponse: Buffer.alloc(0), database: null, authPlugin: 'mysql_native_password' }), 7, 1156],
    ];
    for (const [payload, seq, code] of cases) {
      const c = await RawClient.open(s.port);
      await c.read();
      c.send(payload, seq);
      assert.equal(decodeErr((await c.read()).payload).code, code);
      assert.ok(await c.waitClosed());
    }
  });

  test('fuzz: 200 random blobs, some after a valid prefix; the server survives and leaks nothing', async () => {
    const prefix = framePackets([encodeHandshakeResponse41({ capabilities: CLIENT_CAPS, maxPacketSize: 0, collation: 45, user: 'root', authResponse: Buffer.alloc(0), database: null, authPlugin: 'mysql_native_password' })], 1).buffer;
    const random = seededRandom(FUZZ_SEED);
    // Drawn up front, in index order, so the blobs depend on the seed alone and not on socket timing.
    const blobs = Array.from({ length: 200 }, () => randomBlob(random, 300));
    const one = (i: number) =>
      new Promise<void>((resolve) => {
        const socket = connect(s.port, '127.0.0.1');
        const done = () => {
          clearTimeout(timer);
          socket.destroy();
          resolve();
        };
        const timer = setTimeout(done, 400);
        socket.on('error', done);
        socket.on('close', done);
        socket.once('data', () => {
          const garbage = blobs[i]!;
          const command = i % 3 === 0 ? Buffer.concat([prefix, framePackets([garbage], 0).buffer]) : i % 3 === 1 ? Buffer.concat([prefix, garbage]) : garbage;
          socket.write(command);
        });
      });
    try {
      for (let i = 0; i < 200; i += 20) await Promise.all(Array.from({ length: 20 }, (_, k) => one(i + k)));
      await eventually('an empty registry', () => s.registry.list().length === 0);
      await stillServes(s);
    } catch (error) {
      throw new Error(`fuzz failed with INCEPTOR_FUZZ_SEED=${FUZZ_SEED}: ${(error as Error).message}`, { cause: error });
    }
  });
});
