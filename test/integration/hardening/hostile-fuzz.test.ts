// Issue 6, all items together against one real inceptor process: a seeded stream of hostile client actions
// (long-data floods, partial packets, oversize headers, TLS paths, secrets in comments, global sets, garbage).
// After every action a probe client must still be answered and no secret may appear in the log. The seed is
// printed; replay a run with HOSTILE_FUZZ_SEED=<seed>.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'mysql2/promise';
import { Command } from '../../../src/protocol/constants.js';
import { connectTo, startInceptorProcess, type InceptorProcess } from '../../support/inceptor-process.js';
import { fuzzSeed, seededRandom } from '../../support/seeded-random.js';
import { RawClient } from '../server/raw-client.js';

const SECRET = 'Zq9-fuzz-SECRET';
const ACTIONS = 60;
let inceptor: InceptorProcess;

before(async () => {
  inceptor = await startInceptorProcess(
    `max-server-connections = 20\n[inc]\nmax_allowed_packet = ${1 << 20}\n[inceptor]\nnet_read_timeout = 1\nwait_timeout = 5\n`,
  );
});
after(() => inceptor.stop());

type Action = (random: () => number) => Promise<void>;

const quietly = async (work: () => Promise<unknown>): Promise<void> => {
  try {
    await work();
  } catch {
    /* hostile actions may be refused; only the server's health is asserted */
  }
};

const actions: Record<string, Action> = {
  async longDataFlood(random) {
    const c = await RawClient.login(inceptor.port);
    c.command(Command.STMT_PREPARE, 'select ?');
    await quietly(async () => {
      const ok = (await c.read()).payload;
      const id = ok.readUInt32LE(1);
      const head = Buffer.alloc(6);
      head.writeUInt32LE(id, 0);
      for (let i = 0; i < 2 + Math.floor(random() * 6); i++) c.command(Command.STMT_SEND_LONG_DATA, Buffer.concat([head, Buffer.alloc(256 * 1024, 0x61)]));
    });
    c.destroy();
  },
  async partialPacket(random) {
    const c = await RawClient.login(inceptor.port);
    const announced = 100 + Math.floor(random() * 100_000);
    c.socket.write(Buffer.from([announced & 0xff, (announced >> 8) & 0xff, announced >> 16, 0, Command.QUERY, 0x61]));
    if (random() < 0.5) await new Promise((r) => setTimeout(r, 1500));
    c.destroy();
  },
  async oversizeHeader() {
    const c = await RawClient.login(inceptor.port);
    c.socket.write(Buffer.from([0xff, 0xff, 0xfe, 0, Command.QUERY]));
    await quietly(() => c.read(3000));
    c.destroy();
  },
  async tlsPath(random) {
    const path = ['/dev/zero', '/etc/shadow', '/root/.ssh/id_rsa', '/proc/self/environ', '../../etc/passwd'][Math.floor(random() * 5)]!;
    const c = await connectTo(inceptor);
    await quietly(() =>
      c.query(`/*--user=u;--password=${SECRET};--host=127.0.0.1;--port=9;--ssl=verify_ca;--ssl-ca=${path};--ssl-cert=${path};--ssl-key=${path};*/inception_magic_start;select 1;inception_magic_commit;`),
    );
    await c.end();
  },
  async secretComment(random) {
    const key = ['--pass-word', '--password', 'pass_word', '-- password'][Math.floor(random() * 4)]!;
    const c = await connectTo(inceptor);
    await quietly(() => c.query(`/* --user=u;${key}="x;${SECRET}";*/ update t set a = 1`));
    await c.end();
  },
  async garbage(random) {
    const c = await RawClient.login(inceptor.port);
    const junk = Buffer.alloc(1 + Math.floor(random() * 200));
    for (let i = 0; i < junk.length; i++) junk[i] = Math.floor(random() * 256);
    c.socket.write(junk);
    await new Promise((r) => setTimeout(r, 20));
    c.destroy();
  },
  async manyConnections(random) {
    const opened = await Promise.all(Array.from({ length: 10 + Math.floor(random() * 20) }, () => RawClient.open(inceptor.port).catch(() => null)));
    for (const c of opened) c?.destroy();
  },
};

test('a seeded stream of hostile actions leaves the process serving and secret-free', async () => {
  const seed = fuzzSeed('HOSTILE_FUZZ_SEED');
  console.log(`hostile fuzz seed: ${seed}`);
  const random = seededRandom(seed);
  const names = Object.keys(actions);
  const probe: Connection = await connectTo(inceptor);
  try {
    for (let i = 0; i < ACTIONS; i++) {
      const name = names[Math.floor(random() * names.length)]!;
      await actions[name]!(random);
      const [rows] = (await probe.query({ sql: 'select 1 as one', timeout: 10_000 })) as unknown as [{ one: number }[]];
      assert.equal(rows[0]!.one, 1, `seed ${seed}: the probe is answered after action ${i} (${name})`);
    }
    const fresh = await connectTo(inceptor);
    const [rows] = (await fresh.query('select 1 as one')) as unknown as [{ one: number }[]];
    assert.equal(rows[0]!.one, 1, `seed ${seed}: a new client is served after the stream`);
    await fresh.end();
  } finally {
    probe.destroy();
  }
  assert.ok(!inceptor.output().includes(SECRET), `seed ${seed}: no secret in the log`);
});
