// Helpers for the target-connection tests: a batch run through handleRequest (no socket), private MariaDBs with
// extra server options, and a throw-away certificate authority made with the openssl CLI.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import type { Settings } from '../../../src/config/settings.js';
import type { Value } from '../../../src/protocol/result.js';
import { batchHarness } from '../../support/batch.js';
import { freePort, type TestDb } from '../../support/mariadb.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** One result row by column name (the 13 columns of docs/results.md). */
export interface BatchRow {
  id: string;
  stage: string;
  level: string;
  status: string;
  message: string | null;
  sql: string;
  affected: string;
}

/** A batch runner with its own registry and settings; `settings.inc` may be changed between runs. */
export function batchRunner(): { settings: Settings; run: (text: string) => Promise<BatchRow[]> } {
  const harness = batchHarness();
  const run = async (text: string): Promise<BatchRow[]> => {
    const result = await harness.run(text);
    assert.equal(result.kind, 'rows');
    if (result.kind !== 'rows') throw new Error('unreachable');
    return result.rows.map(toBatchRow);
  };
  return { settings: harness.settings, run };
}

function toBatchRow(v: Value[]): BatchRow {
  const text = (x: Value | undefined): string | null => (x === null || x === undefined ? null : String(x));
  return { id: text(v[0])!, stage: text(v[1])!, level: text(v[2])!, status: text(v[3])!, message: text(v[4]), sql: text(v[5])!, affected: text(v[6])! };
}

/** The magic-comment header for `db`, plus extra options (each ending with `;`). */
export function header(db: Pick<TestDb, 'host' | 'port' | 'user' | 'password'>, options: string): string {
  return `/*--user='${db.user}';--password='${db.password}';--host='${db.host}';--port=${db.port};${options}*/\ninception_magic_start;`;
}

export interface PrivateDb extends TestDb {
  stop: () => void;
}

/** A private MariaDB from scripts/start-db.sh with extra mariadbd options (EXTRA_MARIADBD_ARGS). */
export async function startMariaDbWith(extraArgs: string[]): Promise<PrivateDb> {
  const base = mkdtempSync(join(tmpdir(), 'inceptor-target-db-'));
  const dir = join(base, 'db');
  const port = await freePort();
  execFileSync('bash', [join(root, 'scripts', 'start-db.sh'), dir, String(port), 'rootpw'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, EXTRA_MARIADBD_ARGS: extraArgs.join(' ') },
  });
  const stop = (): void => {
    let pid = 0;
    try {
      pid = Number(readFileSync(`${dir}.pid`, 'utf8').trim());
      process.kill(pid, 'SIGTERM');
    } catch {
      pid = 0; // never started or already gone
    }
    for (let i = 0; pid > 0 && i < 100 && isAlive(pid); i++) execFileSync('sleep', ['0.1']);
    rmSync(base, { recursive: true, force: true });
  };
  return { host: '127.0.0.1', port, user: 'root', password: 'rootpw', stop };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function rootConnection(db: TestDb): Promise<mysql.Connection> {
  return mysql.createConnection({ host: db.host, port: db.port, user: db.user, password: db.password, multipleStatements: true });
}

/** File paths of a test PKI: a CA, a server pair for IP 127.0.0.1 only, a client pair, and an unrelated CA. */
export interface TestPki {
  dir: string;
  ca: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  wrongCa: string;
  remove: () => void;
}

export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'inceptor-pki-'));
  const p = (name: string): string => join(dir, name);
  const openssl = (...args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  };
  const key = (name: string): void => openssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', p(name));
  const selfSigned = (keyName: string, cn: string, out: string): void =>
    openssl('req', '-x509', '-new', '-key', p(keyName), '-days', '2', '-subj', `/CN=${cn}`, '-out', p(out));
  const signed = (keyName: string, cn: string, out: string, ext: string): void => {
    openssl('req', '-new', '-key', p(keyName), '-subj', `/CN=${cn}`, '-out', p(`${out}.csr`));
    writeFileSync(p(`${out}.ext`), ext);
    openssl('x509', '-req', '-in', p(`${out}.csr`), '-CA', p('ca.pem'), '-CAkey', p('ca.key'), '-CAcreateserial', '-days', '2', '-extfile', p(`${out}.ext`), '-out', p(out));
  };
  key('ca.key');
  selfSigned('ca.key', 'inceptor-test-ca', 'ca.pem');
  key('wrong.key');
  selfSigned('wrong.key', 'inceptor-other-ca', 'wrong-ca.pem');
  key('server.key');
  signed('server.key', 'inceptor-test-server', 'server.pem', 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n');
  key('client.key');
  signed('client.key', 'inceptor-test-client', 'client.pem', 'basicConstraints=CA:FALSE\n');
  return {
    dir,
    ca: p('ca.pem'),
    serverCert: p('server.pem'),
    serverKey: p('server.key'),
    clientCert: p('client.pem'),
    clientKey: p('client.key'),
    wrongCa: p('wrong-ca.pem'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
