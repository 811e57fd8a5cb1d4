// The opt-in 64-bit connection ids (`[cluster] id_bits = 64`, docs/kill.md "Connection ids") through real
// clients: mysql2, the mariadb CLI and MariaDB Connector/J see the full id in CONNECTION_ID() and the processlist
// and KILL with it; the handshake carries only the low 32 bits, and a KILL of that truncated id is refused with
// the reason, or acts on the local id with `compatible-kill-query = true`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeConnectionId, encodeConnectionId } from '../../../src/process/connection-id.js';
import { startTestInceptor, type RunningInceptor } from '../clients/inceptor-under-test.js';
import { cliProbe, jdbcProbe, mysql2Probe, type Probe, type QueryOutcome } from '../clients/probes.js';
import { connectTo, handshakeId, processlist, socketClosed, within } from './helpers.js';

const SERVER_ID = 9;

function firstValue(outcome: QueryOutcome | undefined): string {
  assert.ok(outcome && 'rows' in outcome, JSON.stringify(outcome));
  return String(outcome.rows[0]![0]);
}

describe('64-bit connection ids', () => {
  let inceptor: RunningInceptor;
  let compatible: RunningInceptor;
  before(async () => {
    inceptor = await startTestInceptor({ serverId: SERVER_ID, idBits: 64 });
    compatible = await startTestInceptor({ serverId: SERVER_ID + 1, idBits: 64, compatibleKillQuery: true });
  });
  after(async () => {
    await inceptor?.close();
    await compatible?.close();
  });

  test('mysql2: CONNECTION_ID() and the processlist show the 64-bit id, the handshake its low 32 bits, KILL takes the full id', async () => {
    const victim = await connectTo(inceptor.port);
    const observer = await connectTo(inceptor.port);
    try {
      const [rows] = await victim.query({ sql: 'SELECT CONNECTION_ID()', rowsAsArray: true });
      const id = Number((rows as unknown[][])[0]![0]);
      assert.deepEqual(decodeConnectionId(BigInt(id), 64), { serverId: SERVER_ID, localId: handshakeId(victim) });
      assert.ok(id > 2 ** 32);
      assert.ok((await processlist(observer)).some((p) => p.Id === id), 'the processlist shows the full id');
      await observer.query(`KILL ${id}`);
      await within(5000, 'the victim to close', socketClosed(victim));
    } finally {
      victim.destroy();
      await observer.end();
    }
  });

  const clients: [string, Probe][] = [
    ['mysql2', mysql2Probe],
    ['the mariadb CLI', cliProbe],
    ['Connector/J', jdbcProbe],
  ];
  for (const [name, probe] of clients) {
    test(`${name}: reads its own 64-bit id and kills another connection with the full id`, async () => {
      const victim = await connectTo(inceptor.port);
      const [rows] = await victim.query({ sql: 'SELECT CONNECTION_ID()', rowsAsArray: true });
      const victimId = String((rows as unknown[][])[0]![0]);
      const out = await probe({ port: inceptor.port, user: 'root', password: null, queries: ['SELECT CONNECTION_ID()', `KILL ${victimId}`] });
      assert.ok('results' in out, JSON.stringify(out));
      const own = BigInt(firstValue(out.results[0]));
      assert.equal(decodeConnectionId(own, 64)?.serverId, SERVER_ID, `${own} carries the server id in its high 32 bits`);
      assert.deepEqual(out.results[1], { ok: true });
      await within(5000, 'the victim to close', socketClosed(victim));
    });
  }

  test('a truncated id (the handshake id) is refused with the reason; the connection stays', async () => {
    const victim = await connectTo(inceptor.port);
    try {
      const truncated = handshakeId(victim);
      for (const probe of [mysql2Probe, cliProbe]) {
        const out = await probe({ port: inceptor.port, user: 'root', password: null, queries: [`KILL ${truncated}`] });
        assert.ok('results' in out, JSON.stringify(out));
        const refused = out.results[0];
        assert.ok(refused && 'error' in refused, JSON.stringify(refused));
        assert.equal(refused.error.code, 1105);
        assert.match(refused.error.message, /no server id .*compatible-kill-query = true/);
      }
      const [rows] = await victim.query({ sql: 'SELECT 1', rowsAsArray: true });
      assert.deepEqual(rows, [[1]], 'the victim was not killed');
    } finally {
      await victim.end();
    }
  });

  test('compatible-kill-query = true: a truncated id kills that local id on the receiving instance', async () => {
    const victim = await connectTo(compatible.port);
    const truncated = handshakeId(victim);
    const [rows] = await victim.query({ sql: 'SELECT CONNECTION_ID()', rowsAsArray: true });
    assert.equal(Number((rows as unknown[][])[0]![0]), encodeConnectionId(SERVER_ID + 1, truncated, 64));
    const out = await cliProbe({ port: compatible.port, user: 'root', password: null, queries: [`KILL ${truncated}`] });
    assert.ok('results' in out, JSON.stringify(out));
    assert.deepEqual(out.results[0], { ok: true });
    await within(5000, 'the victim to close', socketClosed(victim));
  });
});
