// The connection layer with real clients: mysql2 and the mariadb CLI against createInceptorServer in-process,
// with a trivial query handler (no database needed): auth with and without grants, auth switch, TLS,
// ping / INIT_DB / CHANGE_USER, result sets with NULLs and utf8mb4, errors from the handler.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { startServer, UTF8_TEXT, type Started } from './harness.js';
import { nativePasswordHash } from '../../../src/protocol/handshake.js';
import { mysqlError, ER } from '../../../src/protocol/result.js';

function cli(port: number, args: string[], sql: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('mariadb', ['--no-defaults', '-h127.0.0.1', `-P${port}`, '--comments', '--batch', ...args, '-e', sql],
      { encoding: 'utf8', timeout: 20_000, env: { ...process.env, LC_ALL: 'C.UTF-8' } },
      (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });
}

function connectTo(port: number, opts: mysql.ConnectionOptions = {}): Promise<mysql.Connection> {
  return mysql.createConnection({ host: '127.0.0.1', port, user: 'root', charset: 'utf8mb4', connectTimeout: 5000, ...opts });
}

async function expectConnectError(port: number, opts: mysql.ConnectionOptions): Promise<{ errno: number; sqlState: string; message: string }> {
  try {
    const c = await connectTo(port, opts);
    await c.end();
  } catch (err) {
    return err as { errno: number; sqlState: string; message: string };
  }
  assert.fail('expected the connection to be refused');
}

async function registryEmpty(s: Started): Promise<void> {
  for (let i = 0; i < 100 && s.registry.list().length > 0; i++) await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(s.registry.list().map((e) => e.id), [], 'registry empty');
}

describe('skip-grant server', () => {
  let s: Started;
  before(async () => (s = await startServer()));
  after(() => s.close());

  test('mysql2 with and without a password: rows with NULL and utf8mb4, ids agree everywhere', async () => {
    for (const password of [undefined, 'anything']) {
      const c = await connectTo(s.port, { password });
      const [rows] = await c.query('select rows');
      assert.deepEqual(rows, [{ id: 1, text: UTF8_TEXT, maybe: null }, { id: 2, text: 'select rows', maybe: 'x' }]);
      const [[who]] = (await c.query('select connection_id() as id')) as unknown as [[{ id: number }]];
      assert.equal(who.id, c.threadId);
      assert.ok(s.registry.get(c.threadId!), 'registered under the handshake id');
      assert.equal(s.seen.at(-1)!.connectionId, c.threadId);
      assert.equal(s.registry.get(c.threadId!)!.isAdmin, true, 'root is admin with skip_grant_table');
      await c.end();
    }
    await registryEmpty(s);
  });

  test('OK packets carry affected rows and info; handler errors become ERR packets', async () => {
    const c = await connectTo(s.port, { user: 'bob' });
    const [ok] = (await c.query('update t set a=1')) as unknown as [mysql.ResultSetHeader];
    assert.equal(ok.affectedRows, 3);
    assert.equal(ok.info, 'Rows matched: 3  Changed: 3  Warnings: 0');
    await assert.rejects(c.query('mysql error'), (err: { errno: number; sqlState: string }) => err.errno === 1064 && err.sqlState === '42000');
    await assert.rejects(c.query('boom'), (err: { errno: number; sqlState: string; message: string }) => err.errno === 1105 && err.sqlState === 'HY000' && err.message === 'the handler broke');
    await assert.rejects(c.query('select @@nope'), (err: { errno: number }) => err.errno === 1193);
    await c.ping();
    const [rows] = await c.query('whoami');
    assert.deepEqual(rows, [{ user: 'bob', id: c.threadId, db: null, admin: 0 }]);
    await c.end();
  });

  test('a batch arrives as one text; local answers never reach the handler', async () => {
    const c = await connectTo(s.port, { multipleStatements: true, database: 'db1' });
    const before = s.seen.length;
    await c.query("set autocommit=1, sql_mode = concat(@@sql_mode,',STRICT_TRANS_TABLES')");
    await c.query('SELECT @@max_allowed_packet,@@system_time_zone,@@time_zone,@@auto_increment_increment');
    const [vars] = await c.query("SHOW VARIABLES LIKE 'max_allowed_packet'");
    assert.deepEqual(vars, [{ Variable_name: 'max_allowed_packet', Value: String(4 * 1024 * 1024) }]);
    assert.equal(s.seen.length, before, 'answered locally');
    const batch = '/*--user=u;--password=p;--host=127.0.0.1;--port=3306;--check=1;*/ inception_magic_start; use test; update t set a=1 where id=2; inception_magic_commit;';
    await c.query(batch);
    assert.equal(s.seen.at(-1)!.sql, batch);
    assert.equal(s.seen.at(-1)!.db, 'db1', 'database from the handshake');
    await c.query('use other');
    await c.query('whoami');
    assert.equal(s.seen.at(-1)!.db, 'other');
    assert.equal(s.registry.get(c.threadId!)!.db, 'other');
    await c.end();
  });

  test('mariadb CLI with --comments: the header comment reaches the handler; USE and -D work', async () => {
    const r = await cli(s.port, ['-uroot', '-pabc', '-Ddb7'], '/*--user=u;*/ select rows; select database()');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`1\t${UTF8_TEXT}\tNULL`));
    assert.match(r.stdout, /database\(\)\ndb7/);
    assert.ok(s.seen.some((q) => q.sql === '/*--user=u;*/ select rows'));
  });

  test('caching_sha2_password clients are switched to mysql_native_password', async () => {
    const r = await cli(s.port, ['-ualice', '-psecret', '--default-auth=caching_sha2_password'], 'select connection_id()');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^connection_id\(\)\n\d+\n$/);
  });

  test('prepared statements: mysql2 execute() binds parameters into the text and reads binary rows', async () => {
    const c = await connectTo(s.port);
    const [rows] = (await c.execute('select rows where a = ? and b = ? and c = ?', [5, "it's 中", null])) as unknown as [{ id: number; text: string; maybe: string | null }[]];
    assert.deepEqual(rows[0], { id: 1, text: UTF8_TEXT, maybe: null });
    assert.equal(rows[1]!.text, "select rows where a = 5 and b = 'it\\'s 中' and c = NULL");
    const [ok] = (await c.execute('update t set a = ?', ['x'])) as unknown as [mysql.ResultSetHeader];
    assert.equal(ok.affectedRows, 3);
    await c.end();
  });

  test('MariaDB Connector/ODBC (isql), which prepares every statement', async (t) => {
    if (spawnSync('bash', ['-c', 'command -v isql']).status !== 0) return t.skip('isql not installed');
    const dsn = `DRIVER={MariaDB Unicode};SERVER=127.0.0.1;PORT=${s.port};UID=root;PWD=pw;CHARSET=utf8mb4;`;
    for (const direct of [['-e'], []]) {
      const r = await new Promise<string>((resolve) => {
        const child = execFile('isql', ['-v', '-k', dsn, '-b', '-q', '-c', '-x0x09', ...direct], { encoding: 'utf8', timeout: 20_000 }, (_e, out) => resolve(out));
        child.stdin!.end('select rows\n');
      });
      assert.match(r, new RegExp(`1\t"${UTF8_TEXT}"\t\n`), r);
    }
  });

  test('an already-sized mysql2 result above 16 MB arrives whole', async () => {
    const c = await connectTo(s.port);
    const [rows] = (await c.query(`big ${17 * 1024 * 1024}`)) as unknown as [{ blob: string }[]];
    assert.equal(rows[0]!.blob.length, 17 * 1024 * 1024);
    await c.end();
  });
});

describe('server with grants', () => {
  let s: Started;
  before(async () => {
    s = await startServer({
      skipGrantTable: false,
      users: [
        { name: 'admin', password: 'adminpw', admin: true },
        { name: 'alice', password: '*' + nativePasswordHash('alice pw 中').toString('hex').toUpperCase(), admin: false },
        { name: 'nopw', password: '', admin: false },
      ],
    });
  });
  after(() => s.close());

  test('right passwords (plain and *HEX) log in; admin flag comes from the users list', async () => {
    const admin = await connectTo(s.port, { user: 'admin', password: 'adminpw' });
    const alice = await connectTo(s.port, { user: 'alice', password: 'alice pw 中' });
    const nopw = await connectTo(s.port, { user: 'nopw' });
    assert.equal(s.registry.get(admin.threadId!)!.isAdmin, true);
    assert.equal(s.registry.get(alice.threadId!)!.isAdmin, false);
    assert.equal(s.registry.get(nopw.threadId!)!.user, 'nopw');
    await Promise.all([admin.end(), alice.end(), nopw.end()]);
  });

  test('wrong password, unknown user and root without grants get 1045 / 28000', async () => {
    for (const [opts, using] of [
      [{ user: 'alice', password: 'wrong' }, 'YES'],
      [{ user: 'alice' }, 'NO'],
      [{ user: 'root', password: 'x' }, 'YES'],
      [{ user: 'nopw', password: 'x' }, 'YES'],
    ] as const) {
      const err = await expectConnectError(s.port, opts);
      assert.equal(err.errno, 1045);
      assert.equal(err.sqlState, '28000');
      assert.equal(err.message, `Access denied for user '${opts.user}'@'127.0.0.1' (using password: ${using})`);
    }
    const r = await cli(s.port, ['-ualice', '-pwrong'], 'select 1');
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /1045 \(28000\)/);
    await registryEmpty(s);
  });

  test('the auth switch checks the password too', async () => {
    const good = await cli(s.port, ['-uadmin', '-padminpw', '--default-auth=caching_sha2_password'], 'select 1');
    assert.equal(good.code, 0, good.stderr);
    const bad = await cli(s.port, ['-uadmin', '-pnope', '--default-auth=caching_sha2_password'], 'select 1');
    assert.match(bad.stderr, /1045/);
  });

  test('COM_CHANGE_USER re-authenticates, resets the session and keeps the id; a failure closes', async () => {
    const c = await connectTo(s.port, { user: 'admin', password: 'adminpw' });
    const id = c.threadId!;
    await c.query('set autocommit = 0');
    await c.changeUser({ user: 'alice', password: 'alice pw 中', database: 'db3' });
    const [rows] = await c.query('whoami');
    assert.deepEqual(rows, [{ user: 'alice', id, db: 'db3', admin: 0 }]);
    assert.equal(s.registry.get(id)!.user, 'alice');
    const [[ac]] = (await c.query('select @@autocommit as a')) as unknown as [[{ a: number }]];
    assert.equal(ac.a, 1, 'session variables reset');
    await assert.rejects(c.changeUser({ user: 'alice', password: 'bad' }), (err: { errno?: number }) => err.errno === 1045);
    await registryEmpty(s);
    c.destroy();
  });
});

describe('TLS', () => {
  let dir: string;
  let s: Started;
  let plain: Started;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'inceptor-server-tls-'));
    const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
      '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    s = await startServer({ tls: { cert: readFileSync(join(dir, 'cert.pem')), key: readFileSync(join(dir, 'key.pem')) } });
    plain = await startServer();
  });
  after(async () => {
    await Promise.all([s.close(), plain.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  test('mysql2 over TLS negotiates a cipher and still answers', async () => {
    const c = await connectTo(s.port, { ssl: { rejectUnauthorized: false } });
    const stream = (c as unknown as { connection: { stream: { getCipher?: () => { name: string } | undefined; encrypted?: boolean } } }).connection.stream;
    assert.equal(stream.encrypted, true);
    assert.match(stream.getCipher!()!.name, /^TLS_|AES|CHACHA/);
    const [rows] = (await c.query('select rows')) as unknown as [{ text: string }[]];
    assert.equal(rows[0]!.text, UTF8_TEXT);
    await c.end();
    const clear = await connectTo(s.port);
    await clear.ping();
    await clear.end();
  });

  test('mariadb --ssl with server-certificate verification works only when the server offers TLS', async () => {
    const args = ['-uroot', '--ssl', `--ssl-ca=${join(dir, 'cert.pem')}`, '--ssl-verify-server-cert'];
    const ok = await cli(s.port, args, 'select rows');
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /表情/);
    const refused = await cli(plain.port, args, 'select rows');
    assert.notEqual(refused.code, 0, 'a server without TLS cannot satisfy --ssl-verify-server-cert');
  });

  test('an SSLRequest to a server without TLS is a bad handshake', async () => {
    const err = await expectConnectError(plain.port, { ssl: { rejectUnauthorized: false } });
    assert.ok(err.message.length > 0);
    await registryEmpty(plain);
  });
});

describe('kill from inside a request', () => {
  test('closeRequested closes the socket after the response is written', async () => {
    const s = await startServer({
      handleQuery: async (sql, session) => {
        if (sql === 'kill me') {
          s.registry.kill({ user: session.user, isAdmin: false, connectionId: session.connectionId }, BigInt(session.connectionId), 'connection');
          return { kind: 'ok', info: 'bye' };
        }
        throw mysqlError(ER.UNKNOWN, 'no');
      },
    });
    const c = await connectTo(s.port);
    const closed = new Promise<void>((resolve) => (c as unknown as { connection: { stream: { once(e: string, f: () => void): void } } }).connection.stream.once('close', () => resolve()));
    (c as unknown as { connection: { on(e: string, f: () => void): void } }).connection.on('error', () => undefined);
    const [ok] = (await c.query('kill me')) as unknown as [mysql.ResultSetHeader];
    assert.equal(ok.info, 'bye');
    await closed;
    await registryEmpty(s);
    await s.close();
  });
});
