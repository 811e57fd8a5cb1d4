// Shared pieces of the real-client suite: an in-process inceptor, TLS files, a relay that proves TLS was
// negotiated, child-process runners, and the batch every client sends. Not a test file itself.

import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { directConnection, freshDatabase, testDb, type TestDb } from '../../support/mariadb.js';
import { RESULT_COLUMN_NAMES } from '../../support/result-columns.js';

export const HERE = import.meta.dirname;

/** The client programs the suite drives; a missing one fails the test with what to install. */
export function requireTool(path: string, install: string): string {
  const found = path.startsWith('/') ? existsSync(path) : spawnSync('bash', ['-c', `command -v ${path}`]).status === 0;
  if (!found) throw new Error(`${path} is not installed; the client tests need it. Install it with: ${install}`);
  return path;
}

export function requirePythonModule(module: string, apt: string): void {
  requireTool('/usr/bin/python3', 'apt-get install -y python3');
  const r = spawnSync('/usr/bin/python3', ['-c', `import ${module}`]);
  if (r.status !== 0) throw new Error(`Python module ${module} is missing for /usr/bin/python3. Install it with: apt-get install -y ${apt}`);
}

export interface RunResult {
  code: number | null;
  /** The signal that ended the program (e.g. SIGSEGV), null when it exited. */
  signal: string | null;
  stdout: string;
  stderr: string;
}

/** Runs a program with stdin `input`; bounded by `timeoutMs` (killed after it). */
export function run(cmd: string, args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(
      cmd,
      args,
      { env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', ...opts.env }, timeout: opts.timeoutMs ?? 60_000, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : null) : 0;
        const signal = err ? ((err as { signal?: string | null }).signal ?? null) : null;
        resolve({ code, signal, stdout, stderr: stderr + (err && code === null ? `\n[${err.message}]` : '') });
      },
    );
    child.stdin?.end(opts.input ?? '');
  });
}

export interface TlsFiles {
  dir: string;
  cert: string;
  key: string;
}

/** A throw-away self-signed certificate for 127.0.0.1 (generated with openssl). */
export function makeTlsFiles(): TlsFiles {
  requireTool('openssl', 'apt-get install -y openssl');
  const dir = mkdtempSync(join(tmpdir(), 'inceptor-tls-'));
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr}`);
  return { dir, cert, key };
}

export interface RelayConnection {
  /** true when the client's first packet was a 32-byte SSLRequest followed by a TLS record. */
  tls: boolean | null;
}

export interface TlsSniffingRelay {
  port: number;
  connections: RelayConnection[];
  close(): Promise<void>;
}

/**
 * A TCP relay in front of inceptor that looks at what the client sends first. Drivers differ in whether
 * they tell you TLS is on (MySQLdb and ODBC do not), so the relay proves it from the bytes: an SSLRequest
 * packet is exactly 32 bytes long and is followed at once by a TLS handshake record (0x16).
 */
export async function tlsSniffingRelay(targetPort: number): Promise<TlsSniffingRelay> {
  const connections: RelayConnection[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const record: RelayConnection = { tls: null };
    connections.push(record);
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    let head = Buffer.alloc(0);
    client.on('data', (chunk) => {
      if (record.tls === null) {
        head = Buffer.concat([head, chunk]);
        if (head.length >= 4) {
          const length = head.readUIntLE(0, 3);
          if (length !== 32) record.tls = false;
          else if (head.length >= 37) record.tls = head[36] === 0x16;
        }
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

// ---- the batch every client sends -------------------------------------------------------------------------

export const UTF8_TEXT = '中文😀';

export interface CheckBatchFixture {
  db: TestDb;
  database: string;
  /** Archery's check envelope (docs/batch.md#grammar), values YAML-quoted. */
  archeryCheck: string;
  /** The same batch on one line (ODBC's isql sends one line per statement). */
  oneLine: string;
  insertSql: string;
}

/** A database with one table, and the check batch whose rows carry NULLs and utf8mb4 text. */
export async function checkBatchFixture(database: string): Promise<CheckBatchFixture> {
  const db = await testDb();
  await freshDatabase(database);
  const conn = await directConnection(database);
  try {
    await conn.query("CREATE TABLE t (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY COMMENT 'id', c VARCHAR(50) NOT NULL DEFAULT '' COMMENT 'c') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='t'");
  } finally {
    await conn.end();
  }
  const insertSql = `insert into t(c) values('${UTF8_TEXT}')`;
  const archeryCheck = `/*--user='${db.user}';--password='${db.password}';--host='${db.host}';--port=${db.port};--check=1;*/
                            inception_magic_start;
                            use \`${database}\`;
                            ${insertSql};
                            inception_magic_commit;`;
  const oneLine = `/*--user=${db.user};--password=${db.password};--host=${db.host};--port=${db.port};--check=1;*/ inception_magic_start; use \`${database}\`; ${insertSql}; inception_magic_commit;`;
  return { db, database, archeryCheck, oneLine, insertSql };
}

/** The result of the check batch as any client sees it: 13 columns, a `use` row and the insert row. */
export function assertCheckResult(columns: string[], rows: (string | null)[][], fixture: CheckBatchFixture): void {
  assert.deepEqual(columns, RESULT_COLUMN_NAMES);
  assert.equal(rows.length, 2, JSON.stringify(rows));
  const [use, insert] = rows as [(string | null)[], (string | null)[]];
  assert.deepEqual(use, ['1', 'CHECKED', '0', 'Audit Completed', null, `use \`${fixture.database}\``, '0', '0_0_00000000', null, '0', null, '0', '0']);
  assert.equal(insert[0], '2');
  assert.equal(insert[1], 'CHECKED');
  assert.equal(insert[5], fixture.insertSql, 'utf8mb4 text (CJK + emoji) survives the round trip');
  assert.equal(insert[7], '0_0_00000001');
  assert.equal(insert[8], null, 'backup_dbname is NULL in check mode');
  assert.equal(insert[10], null, 'sqlsha1 is NULL without OSC');
}

/** Drivers that type numeric columns return numbers; compare everything as text (NULL stays null). */
export function asText(rows: unknown[][]): (string | null)[][] {
  return rows.map((row) => row.map((v) => (v === null || v === undefined ? null : String(v))));
}
