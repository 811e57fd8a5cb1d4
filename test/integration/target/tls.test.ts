// `--ssl` on the target connection (docs/options.md) against a private MariaDB with TLS: certificates
// made here with openssl (a CA, a server pair for IP 127.0.0.1, a client pair, an unrelated CA), users created
// REQUIRE SSL / REQUIRE X509. The shared test MariaDB has no TLS and stands in for "a server without TLS".
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { testDb, type TestDb } from '../../support/mariadb.js';
import { defaultOptions, type BatchOptions } from '../../../src/options/magic-comment.js';
import { StageStatus } from '../../../src/rows/row.js';
import { TargetSession } from '../../../src/target/session.js';
import { batchRunner, header, makeTestPki, rootConnection, startMariaDbWith, type PrivateDb, type TestPki } from './support.js';

const DB = 'tls_target';
let pki: TestPki;
let server: PrivateDb;
const sslUser = { user: 'ssl_user', password: 'sslpw' };
const x509User = { user: 'x509_user', password: 'x509pw' };
const { run, settings } = batchRunner();

before(async () => {
  pki = makeTestPki();
  // the batch's TLS files must lie in [inc] tls_files_dir (docs/security.md "TLS files")
  settings.inc.tls_files_dir = pki.dir;
  server = await startMariaDbWith([`--ssl-ca=${pki.ca}`, `--ssl-cert=${pki.serverCert}`, `--ssl-key=${pki.serverKey}`]);
  const c = await rootConnection(server);
  await c.query(`
    CREATE USER '${sslUser.user}'@'%' IDENTIFIED BY '${sslUser.password}' REQUIRE SSL;
    CREATE USER '${x509User.user}'@'%' IDENTIFIED BY '${x509User.password}' REQUIRE X509;
    GRANT ALL ON *.* TO '${sslUser.user}'@'%';
    GRANT ALL ON *.* TO '${x509User.user}'@'%';
    CREATE DATABASE ${DB};
    CREATE TABLE ${DB}.t (id INT NOT NULL PRIMARY KEY COMMENT 'id', v INT COMMENT 'v') COMMENT 't';`);
  await c.end();
});

after(() => {
  server?.stop();
  pki?.remove();
});

function optionsFor(who: { user: string; password: string }, over: Partial<BatchOptions> = {}, at: TestDb = server): BatchOptions {
  return { ...defaultOptions(), host: at.host, port: at.port, ...who, ...over };
}

/** The TLS cipher of a fresh target session ('' when the session is plain). */
async function cipherOf(options: BatchOptions): Promise<string> {
  const target = await TargetSession.connect(options, { inc: { default_charset: 'utf8mb4', tls_files_dir: pki.dir } });
  try {
    const rows = await target.query<{ Value: string }>("SHOW SESSION STATUS LIKE 'Ssl_cipher'");
    return rows[0]?.Value ?? '';
  } finally {
    await target.close();
  }
}

const verifyFiles = (ca: string): string => `--ssl-ca=${ca};--ssl-cert=${pki.clientCert};--ssl-key=${pki.clientKey};`;

/** An execute batch inserting `id` as `who` with the given ssl options. */
function insertBatch(who: { user: string; password: string }, ssl: string, id: number, host = server.host): string {
  return `${header({ ...server, ...who, host }, `--execute=1;${ssl}`)}\nuse ${DB};\ninsert into t (id, v) values (${id}, 1);\ninception_magic_commit;`;
}

/** The single start row of a refused batch. */
function assertStartError(rows: Awaited<ReturnType<typeof run>>, message: RegExp): void {
  assert.equal(rows.length, 1, JSON.stringify(rows));
  assert.deepEqual([rows[0]!.sql, rows[0]!.stage, rows[0]!.level, rows[0]!.status], ['inception_magic_start', 'CHECKED', '2', StageStatus.AUDIT_COMPLETED]);
  assert.match(rows[0]!.message ?? '', message);
}

async function storedIds(): Promise<number[]> {
  const c = await rootConnection(server);
  try {
    const [rows] = await c.query(`SELECT id FROM ${DB}.t ORDER BY id`);
    return (rows as { id: number }[]).map((r) => r.id);
  } finally {
    await c.end();
  }
}

test('--ssl=required: the target session is encrypted; without --ssl it is plain', async () => {
  assert.match(await cipherOf(optionsFor(sslUser, { ssl: 'required' })), /^TLS_|^ECDHE|AES/);
  assert.equal(await cipherOf(optionsFor({ user: server.user, password: server.password })), '');
});

test('--ssl=required through a batch: a REQUIRE SSL user audits and executes', async () => {
  const rows = await run(insertBatch(sslUser, '--ssl=required;', 1));
  assert.deepEqual(rows.map((r) => [r.stage, r.status, r.message]), [
    ['EXECUTED', StageStatus.EXECUTE_OK, null],
    ['EXECUTED', StageStatus.EXECUTE_OK, null],
  ]);
  assert.ok((await storedIds()).includes(1));
});

test('no --ssl for a REQUIRE SSL user → con:<id> access denied on the start row', async () => {
  const rows = await run(insertBatch(sslUser, '', 2));
  assertStartError(rows, /^con:\d+ Access denied for user 'ssl_user'@'127\.0\.0\.1' \(using password: YES\)\.$/);
  assert.ok(!(await storedIds()).includes(2));
});

test('--ssl=verify_ca with the right CA and a client pair: a REQUIRE X509 user executes', async () => {
  const rows = await run(insertBatch(x509User, `--ssl=verify_ca;${verifyFiles(pki.ca)}`, 3));
  assert.deepEqual(rows.map((r) => r.status), [StageStatus.EXECUTE_OK, StageStatus.EXECUTE_OK], JSON.stringify(rows));
  assert.ok((await storedIds()).includes(3));
  assert.match(await cipherOf(optionsFor(x509User, { ssl: 'verify_ca', sslCa: pki.ca, sslCert: pki.clientCert, sslKey: pki.clientKey })), /\w/);
});

test('the client pair is what REQUIRE X509 needs: --ssl=required sends none and is refused', async () => {
  const rows = await run(insertBatch(x509User, '--ssl=required;', 4));
  assertStartError(rows, /^con:\d+ Access denied for user 'x509_user'/);
});

test('--ssl=verify_ca with a CA that did not sign the server certificate → con:<id> certificate error', async () => {
  const rows = await run(insertBatch(sslUser, `--ssl=verify_ca;${verifyFiles(pki.wrongCa)}`, 5));
  assertStartError(rows, /^con:\d+ .*(self[- ]signed certificate|unable to (get|verify)).*/i);
  assert.ok(!(await storedIds()).includes(5));
});

test('--ssl=verify_identity checks the host against the certificate names (IP SAN 127.0.0.1)', async () => {
  const identity = `--ssl=verify_identity;${verifyFiles(pki.ca)}`;
  const byIp = await run(insertBatch(sslUser, identity, 6));
  assert.deepEqual(byIp.map((r) => r.status), [StageStatus.EXECUTE_OK, StageStatus.EXECUTE_OK], JSON.stringify(byIp));
  // "localhost" reaches the same server, but the certificate does not name it; verify_ca does not care.
  assertStartError(await run(insertBatch(sslUser, identity, 7, 'localhost')), /^con:\d+ .*does not match certificate's altnames/);
  const caOnly = await run(insertBatch(sslUser, `--ssl=verify_ca;${verifyFiles(pki.ca)}`, 8, 'localhost'));
  assert.deepEqual(caOnly.map((r) => r.status), [StageStatus.EXECUTE_OK, StageStatus.EXECUTE_OK], JSON.stringify(caOnly));
  assert.deepEqual((await storedIds()).filter((id) => id >= 6), [6, 8]);
});

test('verify_* file problems: missing option, missing file, unusable key → clear start-row errors', async () => {
  assertStartError(await run(insertBatch(sslUser, `--ssl=verify_ca;--ssl-ca=${pki.ca};`, 9)), /^--ssl=verify_ca needs --ssl-ca, --ssl-cert and --ssl-key\.$/);
  // every file problem reads the same (docs/security.md "TLS files")
  const unusable = /^con:\d+ TLS file not usable\.$/;
  const missing = join(pki.dir, 'no-such-ca.pem');
  assertStartError(await run(insertBatch(sslUser, `--ssl=verify_ca;${verifyFiles(missing)}`, 9)), unusable);
  const notAKey = `--ssl=verify_ca;--ssl-ca=${pki.ca};--ssl-cert=${pki.clientCert};--ssl-key=${pki.ca};`;
  assertStartError(await run(insertBatch(sslUser, notAKey, 9)), unusable);
  const wrongKey = `--ssl=verify_ca;--ssl-ca=${pki.ca};--ssl-cert=${pki.clientCert};--ssl-key=${pki.serverKey};`;
  assertStartError(await run(insertBatch(sslUser, wrongKey, 9)), unusable);
  assertStartError(await run(insertBatch(sslUser, `--ssl=verify_ca;${verifyFiles(pki.dir)}`, 9)), unusable);
  assertStartError(await run(insertBatch(sslUser, '--ssl=sometimes;', 9)), /^Unknown --ssl mode 'sometimes'/);
  assert.ok(!(await storedIds()).includes(9));
});

test('--ssl=preferred: TLS when the server offers it, plain against a server without TLS', async () => {
  assert.match(await cipherOf(optionsFor(sslUser, { ssl: 'preferred' })), /\w/);
  const plain = await testDb();
  const root = { user: plain.user, password: plain.password };
  assert.equal(await cipherOf(optionsFor(root, { ssl: 'preferred' }, plain)), '');
  // --ssl=true is the same mode
  assert.equal(await cipherOf(optionsFor(root, { ssl: 'true' }, plain)), '');
});

test('--ssl=required against a server without TLS → con:<id> error, no fallback to plain', async () => {
  const plain = await testDb();
  const rows = await run(`${header(plain, '--check=1;--ssl=required;')}\nselect 1;\ninception_magic_commit;`);
  assertStartError(rows, /^con:\d+ Server does not support secure connection\.$/);
});
