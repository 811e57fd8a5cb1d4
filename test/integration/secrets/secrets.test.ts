// Passwords never reach logs, the processlist or `inception show variables` in clear: the target password of
// the magic comment (right and wrong), the backup password from config, and a client password.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import mysql from 'mysql2/promise';
import pino from 'pino';
import { defaultConfig } from '../../../src/config/config.js';
import { startInceptor, type RunningInceptor } from '../../../src/inceptor.js';
import { directConnection, freshDatabase, testDb } from '../../support/mariadb.js';

const TARGET_SECRET = 'Zq9-target-SECRET';
const WRONG_SECRET = 'Zq9-wrong-SECRET';
const BACKUP_SECRET = 'Zq9-backup-SECRET';
const CLIENT_SECRET = 'Zq9-client-SECRET';
const DB = 'secrets_it';

let inceptor: RunningInceptor;
let logText = '';

before(async () => {
  await freshDatabase(DB);
  const admin = await directConnection(DB);
  await admin.query(`CREATE OR REPLACE USER 'secret_u'@'%' IDENTIFIED BY '${TARGET_SECRET}'`);
  await admin.query(`GRANT ALL ON \`${DB}\`.* TO 'secret_u'@'%'`);
  await admin.query('CREATE TABLE t (id INT PRIMARY KEY, v INT NOT NULL)');
  await admin.query('INSERT INTO t VALUES (1, 0), (2, 0), (3, 0)');
  await admin.end();

  const sink = new Writable({
    write(chunk, _enc, done) {
      logText += chunk.toString();
      done();
    },
  });
  const config = defaultConfig();
  config.port = 0;
  config.host = '127.0.0.1';
  config.inc.backup_password = BACKUP_SECRET;
  inceptor = await startInceptor({ config, logger: pino({ level: 'trace' }, sink) });
});

after(async () => {
  await inceptor?.close();
});

function envelope(password: string, body: string): string {
  return `/*--user=secret_u;--password=${password};--host=127.0.0.1;--port=${PORT};--execute=1;*/\ninception_magic_start;\nuse ${DB};\n${body}\ninception_magic_commit;`;
}
let PORT = 0;

test('no secret in logs, processlist or variables while batches run and fail', async () => {
  PORT = (await testDb()).port;
  const worker = await mysql.createConnection({ host: '127.0.0.1', port: inceptor.port, user: 'dba', password: CLIENT_SECRET });
  const watcher = await mysql.createConnection({ host: '127.0.0.1', port: inceptor.port, user: 'dba', password: CLIENT_SECRET });
  try {
    // A batch slow enough to be seen in the processlist: each UPDATE sleeps per row on the target.
    const slow = worker.query(envelope(TARGET_SECRET, 'update t set v = v + 1 where sleep(0.1) = 0;\nupdate t set v = v + 1 where sleep(0.1) = 0;'));
    const seen: string[] = [];
    const deadline = Date.now() + 10_000;
    let sawBatch = false;
    while (Date.now() < deadline) {
      const [rows] = await watcher.query('inception show full processlist');
      const cells = (rows as Record<string, unknown>[]).flatMap((r) => Object.values(r).map(String));
      seen.push(...cells);
      if (cells.some((c) => c.includes('update t set'))) sawBatch = true;
      if (sawBatch) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const [result] = (await slow) as unknown as [Record<string, unknown>[]];
    assert.ok(sawBatch, 'the running batch showed up in the processlist');
    assert.equal(result.length, 3);
    assert.deepEqual(result.map((r) => r.stage_status), ['Execute Successfully', 'Execute Successfully', 'Execute Successfully']);

    // A wrong target password: the error row must not echo it either.
    const [failed] = (await worker.query(envelope(WRONG_SECRET, 'update t set v = 0 where id = 1;'))) as unknown as [Record<string, unknown>[]];
    assert.match(String(failed[0]!.error_message), /^con:\d+ Access denied/);
    const resultCells = [...result, ...failed].flatMap((r) => Object.values(r).map(String));

    const [vars] = (await watcher.query("inception get variables like 'backup_password'")) as unknown as [Record<string, string>[]];
    assert.equal(vars[0]!.Value, '***', 'masked, not hashed (docs/security.md)');

    for (const secret of [TARGET_SECRET, WRONG_SECRET, BACKUP_SECRET, CLIENT_SECRET]) {
      assert.ok(!seen.some((c) => c.includes(secret)), `processlist shows ${secret}`);
      assert.ok(!resultCells.some((c) => c.includes(secret)), `result rows show ${secret}`);
      assert.ok(!vars.some((r) => r.Value!.includes(secret)), `variables show ${secret}`);
      assert.ok(!logText.includes(secret), `logs contain ${secret}`);
    }
    assert.match(logText, /batch done/, 'the batches were logged (so the log check looked at something)');
  } finally {
    await worker.end();
    await watcher.end();
  }
});
