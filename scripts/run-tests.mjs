#!/usr/bin/env node
// `npm test`: type-check, start one private MariaDB for the whole run, run every test file with node's test
// runner (TypeScript through tsx), stop the database. Exits non-zero on any failure.
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

function which(cmd) {
  return spawnSync('bash', ['-c', `command -v ${cmd} || test -x /usr/sbin/${cmd}`]).status === 0;
}
if (!which('mariadbd') || !which('mariadb-install-db')) {
  console.error('The tests need a real MariaDB server binary, which is not installed.\n' +
    'Install it with:  apt-get install -y mariadb-server mariadb-client\n' +
    '(the client tests also need: python3-pymysql python3-mysqldb libmariadb-java odbc-mariadb unixodbc)');
  process.exit(1);
}

const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.'], { stdio: 'inherit' });
if (tsc.status !== 0) {
  console.error('type check failed');
  process.exit(1);
}

function listTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listTests(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out.sort();
}
const filter = process.argv.slice(2);
let files = listTests('test');
if (filter.length) files = files.filter((f) => filter.some((x) => f.includes(x)));
// Rule test files run inside test/unit/audit/rules.test.ts (one process for all of them) unless asked for alone.
const ruleTests = join('test', 'unit', 'audit', 'rules') + '/';
const ruleSuite = join('test', 'unit', 'audit', 'rules.test.ts');
if (!filter.length || files.includes(ruleSuite)) files = files.filter((f) => !f.startsWith(ruleTests));

const port = await new Promise((resolve, reject) => {
  const srv = createServer();
  srv.once('error', reject);
  srv.listen(0, '127.0.0.1', () => {
    const p = srv.address().port;
    srv.close(() => resolve(p));
  });
});
const base = mkdtempSync(join(tmpdir(), 'inceptor-test-db-'));
const dir = join(base, 'db');
execFileSync('bash', ['scripts/start-db.sh', dir, String(port), 'rootpw'], { stdio: 'inherit' });

function stopDb(pidFile) {
  let pid;
  try {
    pid = Number(readFileSync(pidFile, 'utf8').trim());
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    spawnSync('sleep', ['0.1']);
  }
}

let status = 1;
try {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=300000', ...files],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        INCEPTOR_TEST_DB_HOST: '127.0.0.1',
        INCEPTOR_TEST_DB_PORT: String(port),
        INCEPTOR_TEST_DB_USER: 'root',
        INCEPTOR_TEST_DB_PASSWORD: 'rootpw',
      },
    },
  );
  status = run.status ?? 1;
} finally {
  stopDb(`${dir}.pid`);
  rmSync(base, { recursive: true, force: true });
}
process.exitCode = status;
