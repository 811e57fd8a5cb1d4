// Ids at or above 2^31 (server id ≥ 1024) and the mariadb CLI's Ctrl-C, which opens a second connection and
// sends `KILL QUERY <handshake id>` (docs/kill.md).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { decodeConnectionId } from '../../../src/process/connection-id.js';
import { directConnection, freshDatabase, testDb } from '../../support/mariadb.js';
import { startTestInceptor, type RunningInceptor } from '../clients/inceptor-under-test.js';
import { cliProbe } from '../clients/probes.js';
import { requireTool } from '../clients/support.js';
import { connectTo, handshakeId, processlist, socketClosed, waitForProcess, within } from './helpers.js';

const DATABASE = 'kill_cli';
const SERVER_ID = 1500;

describe('ids ≥ 2^31 and the CLI Ctrl-C', () => {
  let inceptor: RunningInceptor;
  before(async () => {
    requireTool('mariadb', 'apt-get install -y mariadb-client');
    await freshDatabase(DATABASE);
    inceptor = await startTestInceptor({ serverId: SERVER_ID });
  });
  after(async () => {
    await inceptor?.close();
  });

  test('mysql2 and the CLI see the same unsigned id ≥ 2^31, and KILL with it works', async () => {
    const victim = await connectTo(inceptor.port);
    const id = handshakeId(victim);
    assert.ok(id >= 2 ** 31, String(id));
    assert.equal(decodeConnectionId(id)?.serverId, SERVER_ID);
    const [rows] = await victim.query({ sql: 'SELECT CONNECTION_ID()', rowsAsArray: true });
    assert.equal(String((rows as unknown[][])[0]![0]), String(id));

    const cli = await cliProbe({ port: inceptor.port, user: 'root', password: null, queries: ['select connection_id()', `KILL ${id}`] });
    assert.ok('results' in cli, JSON.stringify(cli));
    const [own, kill] = cli.results;
    assert.ok(own && 'rows' in own);
    assert.ok(Number(own.rows[0]![0]) >= 2 ** 31, 'the CLI reads its own id unsigned');
    assert.deepEqual(kill, { ok: true });
    await within(3000, 'the victim to close', socketClosed(victim));
  });

  test('Ctrl-C in the CLI kills the running batch through a second connection', async () => {
    const db = await testDb();
    const setup = await directConnection(DATABASE);
    try {
      await setup.query('DROP TABLE IF EXISTS t');
      await setup.query("CREATE TABLE t (id INT NOT NULL PRIMARY KEY COMMENT 'id', c VARCHAR(50) NOT NULL DEFAULT '' COMMENT 'c') ENGINE=InnoDB COMMENT='t'");
      await setup.query("INSERT INTO t VALUES (1,'before'),(2,'before'),(3,'before'),(4,'before')");
    } finally {
      await setup.end();
    }
    const updates = [1, 2, 3, 4].map((n) => `update t set c = 'after' where id = ${n} and sleep(0.4) = 0;`);
    const batch = [`/*--user=${db.user};--password=${db.password};--host=${db.host};--port=${db.port};--execute=1;--ignore-warnings=1;*/`,
      'inception_magic_start;', `use \`${DATABASE}\`;`, ...updates, 'inception_magic_commit;'].join('\n');

    const observer = await connectTo(inceptor.port);
    const cli = spawn('mariadb', ['--no-defaults', '--comments', '--default-character-set=utf8mb4', '--batch', '--delimiter=//',
      '-h127.0.0.1', `-P${inceptor.port}`, '-uroot'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    cli.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
    cli.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => cli.on('exit', (code) => resolve(code)));
    try {
      cli.stdin.write(`${batch}//\n`);
      // the CLI's own connection is the only other one: find it by its running batch
      const deadline = Date.now() + 20_000;
      let cliId: number | undefined;
      while (cliId === undefined && Date.now() < deadline) {
        cliId = (await processlist(observer)).find((r) => r.STATE === 'EXECUTING' && /where id = 1 /.test(r.Info ?? ''))?.Id;
        if (cliId === undefined) await new Promise((r) => setTimeout(r, 10));
      }
      assert.ok(cliId !== undefined && cliId >= 2 ** 31, `the CLI's batch was seen executing (${cliId})`);
      cli.kill('SIGINT');
      await waitForProcess(observer, cliId, (r) => r.STATE === 'INIT', 10_000);
      cli.stdin.end();
      assert.equal(await within(10_000, 'the CLI to exit', exited), 0, output);
    } finally {
      cli.kill('SIGKILL');
      await observer.end();
    }
    assert.match(output, /Ctrl-C -- query killed/);
    const lines = output.split('\n').filter((l) => /^\d+\t/.test(l));
    assert.equal(lines.length, 5, output);
    const killedAt = lines.findIndex((l) => l.includes('Execute: Operation has been killed!'));
    assert.ok(killedAt >= 1 && killedAt < 4, output);
    const check = await directConnection(DATABASE);
    try {
      const [rows] = await check.query({ sql: 'SELECT c FROM t ORDER BY id', rowsAsArray: true });
      assert.deepEqual((rows as string[][]).map((r) => r[0]), [1, 2, 3, 4].map((n) => (n <= killedAt ? 'after' : 'before')));
    } finally {
      await check.end();
    }
  });
});
