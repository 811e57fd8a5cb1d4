// Issue 6 items 5, 7, 8 against real inceptor processes: client timeouts (wait_timeout, interactive_timeout,
// net_read_timeout), the connection cap (max-server-connections, and the file-descriptor bound instead of
// EMFILE drops), and the growing delay after failed logins.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Capability, Command } from '../../../src/protocol/constants.js';
import { decodeErr } from '../../../src/protocol/responses.js';
import { connectTo, startInceptorProcess, type InceptorProcess } from '../../support/inceptor-process.js';
import { CLIENT_CAPS, RawClient } from '../server/raw-client.js';

describe('client timeouts', () => {
  let inceptor: InceptorProcess;
  before(async () => (inceptor = await startInceptorProcess('[inceptor]\nwait_timeout = 2\ninteractive_timeout = 1\nnet_read_timeout = 1\n')));
  after(() => inceptor.stop());

  test('an idle connection is closed after wait_timeout with MySQL 8\'s 4031', async () => {
    const c = await RawClient.login(inceptor.port);
    c.command(Command.PING);
    assert.equal((await c.read()).payload[0], 0);
    const err = decodeErr((await c.read(10_000)).payload);
    assert.deepEqual([err.code, err.sqlState], [4031, 'HY000']);
    assert.match(err.message, /inactivity/);
    assert.ok(await c.waitClosed());
  });

  test('a CLIENT_INTERACTIVE client gets interactive_timeout; SET wait_timeout changes the session', async () => {
    const interactive = await RawClient.login(inceptor.port, 'root', '', CLIENT_CAPS | Capability.INTERACTIVE);
    const patient = await RawClient.login(inceptor.port);
    patient.command(Command.QUERY, 'set wait_timeout = 100');
    assert.equal((await patient.read()).payload[0], 0);
    assert.equal(decodeErr((await interactive.read(10_000)).payload).code, 4031);
    assert.ok(await interactive.waitClosed());
    assert.equal(await patient.waitClosed(3000), false, 'the session that raised wait_timeout is still open');
    patient.destroy();
  });

  test('a partially sent packet is closed after net_read_timeout with 1159', async () => {
    const c = await RawClient.login(inceptor.port);
    // header announcing 100 bytes, then only 10 of them
    c.socket.write(Buffer.concat([Buffer.from([100, 0, 0, 0, Command.QUERY]), Buffer.alloc(9, 0x61)]));
    const err = decodeErr((await c.read(10_000)).payload);
    assert.deepEqual([err.code, err.sqlState, err.message], [1159, '08S01', 'Got timeout reading communication packets']);
    assert.ok(await c.waitClosed());
  });
});

describe('connection cap', () => {
  test('max-server-connections answers 1040 past the cap, and frees a slot when a client leaves', async () => {
    const inceptor = await startInceptorProcess('max-server-connections = 3\n');
    try {
      const held = await Promise.all([0, 1, 2].map(() => connectTo(inceptor)));
      await assert.rejects(connectTo(inceptor), (err: { errno?: number; message: string }) => err.errno === 1040 && /Too many connections/.test(err.message));
      await held.pop()!.end();
      // the slot frees once the server has seen the close: retry for a while
      let again = null;
      for (let i = 0; i < 50 && !again; i++) {
        again = await connectTo(inceptor).catch(() => null);
        if (!again) await new Promise((r) => setTimeout(r, 200));
      }
      assert.ok(again, 'a client is accepted again once one left');
      await again.end();
      await Promise.all(held.map((c) => c.end()));
    } finally {
      await inceptor.stop();
    }
  });

  test('at the file-descriptor limit clients get 1040, never a dropped connection', async () => {
    const inceptor = await startInceptorProcess('max-server-connections = 0\n', { fileLimit: 160 });
    const clients: RawClient[] = [];
    let refused = 0;
    try {
      for (let i = 0; i < 170; i++) {
        const c = await RawClient.open(inceptor.port);
        clients.push(c);
        const first = await c.read(10_000);
        if (first.payload[0] === 0xff) {
          assert.equal(decodeErr(first.payload).code, 1040);
          refused++;
        } else {
          assert.equal(first.payload[0], 10, 'a greeting');
        }
      }
      assert.ok(refused > 0, 'some clients were refused with 1040');
    } finally {
      for (const c of clients) c.destroy();
      await inceptor.stop();
    }
  });
});

describe('login delay', () => {
  let inceptor: InceptorProcess;
  before(async () => {
    inceptor = await startInceptorProcess(
      'skip_grant_table = false\n[inceptor]\nconnection_control_failed_connections_threshold = 2\nconnection_control_min_connection_delay = 3000\n' +
        '[[users]]\nname = "dba"\npassword = "right-pw"\n',
    );
  });
  after(() => inceptor.stop());

  const attempt = async (password: string): Promise<{ ok: boolean; ms: number }> => {
    const t0 = performance.now();
    try {
      const c = await connectTo(inceptor, 'dba', password, { connectTimeout: 30_000 });
      await c.end();
      return { ok: true, ms: performance.now() - t0 };
    } catch (err) {
      assert.equal((err as { errno?: number }).errno, 1045);
      return { ok: false, ms: performance.now() - t0 };
    }
  };

  test('after the threshold, attempts from the host wait; the right password still gets in and resets', async () => {
    assert.equal((await attempt('wrong-1')).ok, false);
    assert.equal((await attempt('wrong-2')).ok, false);
    const delayed = await attempt('wrong-3');
    assert.equal(delayed.ok, false);
    assert.ok(delayed.ms >= 2500, `the third failure was delayed (${delayed.ms.toFixed(0)} ms)`);
    const right = await attempt('right-pw');
    assert.equal(right.ok, true, 'the right password is accepted after the delay');
    assert.ok(right.ms >= 2500, 'it waited too');
  });
});
