// The private MariaDB every integration test talks to. `npm test` (scripts/run-tests.mjs) starts one per run
// and passes it in INCEPTOR_TEST_DB_*; a test file run on its own starts its own and stops it at exit.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';

export interface TestDb {
  host: string;
  port: number;
  user: string;
  password: string;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let cached: TestDb | null = null;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Starts a MariaDB in a new temp datadir; returns its address and a stop function. */
export async function startPrivateMariaDb(): Promise<TestDb & { stop: () => void; dir: string }> {
  const base = mkdtempSync(join(tmpdir(), 'inceptor-db-'));
  const dir = join(base, 'db');
  const port = await freePort();
  execFileSync('bash', [join(root, 'scripts', 'start-db.sh'), dir, String(port), 'rootpw'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const stop = () => {
    try {
      const pid = Number(readFileSync(`${dir}.pid`, 'utf8').trim());
      process.kill(pid, 'SIGTERM');
      for (let i = 0; i < 100; i++) {
        try {
          process.kill(pid, 0);
          execFileSync('sleep', ['0.1']);
        } catch {
          break;
        }
      }
    } catch {
      /* already gone */
    }
    rmSync(base, { recursive: true, force: true });
  };
  return { host: '127.0.0.1', port, user: 'root', password: 'rootpw', stop, dir };
}

/** The shared test database (started on first use when not provided by the runner). */
export async function testDb(): Promise<TestDb> {
  if (cached) return cached;
  const env = process.env;
  if (env.INCEPTOR_TEST_DB_PORT) {
    cached = {
      host: env.INCEPTOR_TEST_DB_HOST ?? '127.0.0.1',
      port: Number(env.INCEPTOR_TEST_DB_PORT),
      user: env.INCEPTOR_TEST_DB_USER ?? 'root',
      password: env.INCEPTOR_TEST_DB_PASSWORD ?? 'rootpw',
    };
    return cached;
  }
  const { stop, host, port, user, password } = await startPrivateMariaDb();
  process.once('exit', stop);
  cached = { host, port, user, password };
  return cached;
}

/** A direct mysql2 connection to the test database (for setting up and inspecting data). */
export async function directConnection(database?: string): Promise<mysql.Connection> {
  const db = await testDb();
  return mysql.createConnection({ ...db, database, multipleStatements: true, charset: 'utf8mb4' });
}

/** Creates (or recreates) an empty database with a name unique to the calling test. */
export async function freshDatabase(name: string): Promise<string> {
  const conn = await directConnection();
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
  } finally {
    await conn.end();
  }
  return name;
}

/** The auditor's SqlRunner over a direct connection (what TargetSession.query does in production). */
export function sqlRunner(conn: mysql.Connection): { query<T>(sql: string, params?: unknown[]): Promise<T[]> } {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      const [rows] = await conn.query(sql, params);
      return rows as T[];
    },
  };
}
