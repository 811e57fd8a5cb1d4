// `npm run bench`: measures inceptor against baselines taken in the same run, and prints ratios.
// Load comes from this process (mysql2 clients); inceptor runs in its own process; MariaDB is a private instance.
// Numbers on a shared 2-core machine are lower bounds; the ratios are what to compare across commits.
// `npm run bench -- NAME …` runs only the named sections (names: see SECTIONS below).
// inceptor runs from the build (dist/, built first), as `bin/inceptor.js` does: under tsx every closure goes
// through esbuild's keepNames helper, which costs the per-statement audit a fifth of its time for nothing.
// Batch lines also give inceptor's own CPU per statement (its process's user+sys time), steadier than the rate
// when the machine is shared.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { splitStatements } from '../src/batch/splitter.js';
import { freePort, startPrivateMariaDb } from '../test/support/mariadb.js';
import { astify } from '../src/sql/node-parser.js';
import { measureIdleWait, measureStall } from './bench-stall.js';
import { binlogSection } from './bench-binlog.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const INSERTS = Number(process.env.BENCH_INSERTS ?? 10000);
const DDL_STATEMENTS = Number(process.env.BENCH_DDL ?? 1000);
const UPDATES = Number(process.env.BENCH_UPDATES ?? 10000);
const ROOT = new URL('..', import.meta.url).pathname;

interface Endpoint {
  host: string;
  port: number;
  user: string;
  password: string;
}

async function rateOfQueries(ep: Endpoint, sql: string, connections: number): Promise<number> {
  const conns = await Promise.all(Array.from({ length: connections }, () => mysql.createConnection(ep)));
  const deadline = Date.now() + SECONDS * 1000;
  let done = 0;
  await Promise.all(
    conns.map(async (c) => {
      while (Date.now() < deadline) {
        await c.query(sql);
        done++;
      }
    }),
  );
  await Promise.all(conns.map((c) => c.end()));
  return done / SECONDS;
}

async function rateOfConnects(ep: Endpoint, parallel: number): Promise<number> {
  const deadline = Date.now() + SECONDS * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (Date.now() < deadline) {
        const c = await mysql.createConnection(ep);
        await c.end();
        done++;
      }
    }),
  );
  return done / SECONDS;
}

function insertStatements(table: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `insert into ${table}(id, name, score) values (${i + 1}, 'name-${i}', ${i % 100})`);
}

/** `n` DDL statements, alternating a 10-column CREATE TABLE and a 4-spec ALTER of the table just created. */
function ddlStatements(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const t = `t_ddl_${i >> 1}`;
    return i % 2 === 0
      ? `create table ${t} (id bigint unsigned not null auto_increment comment 'id', user_id int not null default 0 comment 'user', ` +
          `name varchar(64) not null default '' comment 'name', price decimal(10,2) not null default '0.00' comment 'price', ` +
          `state tinyint not null default 1 comment 'state', note text comment 'note', kind enum('a','b') not null default 'a' comment 'kind', ` +
          `created_at datetime not null default current_timestamp comment 'created', ` +
          `updated_at datetime not null default current_timestamp on update current_timestamp comment 'updated', ` +
          `ext json comment 'ext', primary key (id), key idx_user_state (user_id, state)) engine=innodb default charset=utf8mb4 comment='bench'`
      : `alter table ${t} add column email varchar(128) not null default '' comment 'email' after name, ` +
          `modify column note mediumtext comment 'note', add index idx_created (created_at), drop column ext`;
  });
}

function batch(db: Endpoint, mode: 'check' | 'execute', schema: string, statements: string[]): string {
  return (
    `/*--user=${db.user};--password=${db.password};--host=${db.host};--port=${db.port};--${mode}=1;--ignore-warnings=1;*/\n` +
    `inception_magic_start;\nuse ${schema};\n${statements.join(';\n')};\ninception_magic_commit;`
  );
}

/** An inceptor server from source; `inc` adds `[inc]` lines (the backup bench adds the backup server). */
async function startInceptorProcess(port: number, inc = ''): Promise<ChildProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'inceptor-bench-'));
  const cfg = join(dir, 'config.toml');
  writeFileSync(cfg, `host = "127.0.0.1"\nport = ${port}\n[log]\nlevel = "error"\n[inc]\nmax_allowed_packet = ${64 << 20}\n${inc}`);
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  // BENCH_INCEPTOR_ARGS: extra node flags for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it.
  const child = spawn(process.execPath, [...(process.env.BENCH_INCEPTOR_ARGS ?? '').split(' ').filter(Boolean), join(ROOT, 'bin/inceptor.js'), '--config', cfg], { stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 100; i++) {
    try {
      const c = await mysql.createConnection({ host: '127.0.0.1', port, user: 'bench', password: '' });
      await c.end();
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill();
  throw new Error('inceptor did not start');
}

/** CPU time (user + system) the process has used so far, in µs (Linux /proc). */
function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * (1_000_000 / 100);
}

/** Runs `work` and returns its wall seconds and the CPU µs per statement `pid` used meanwhile. */
async function timed(pid: number, statements: number, work: () => Promise<unknown>): Promise<{ seconds: number; cpuPerStatement: number }> {
  const c0 = cpuMicros(pid);
  const t0 = performance.now();
  await work();
  return { seconds: (performance.now() - t0) / 1000, cpuPerStatement: (cpuMicros(pid) - c0) / statements };
}

/**
 * Seconds the C client (Python's mysqlclient under /usr/bin/python3) takes to send `statements` one by one on one
 * connection, measured inside Python after connecting; null when mysqlclient is not installed.
 */
function cClientSeconds(ep: Endpoint, db: string, statements: string[]): number | null {
  const code = [
    'import sys, time, MySQLdb',
    'stmts = sys.stdin.read().split("\\n")',
    `c = MySQLdb.connect(host=${JSON.stringify(ep.host)}, port=${ep.port}, user=${JSON.stringify(ep.user)}, passwd=${JSON.stringify(ep.password)}, db=${JSON.stringify(db)}, autocommit=True)`,
    'cur = c.cursor()',
    't0 = time.perf_counter()',
    'for s in stmts: cur.execute(s)',
    'print(time.perf_counter() - t0)',
  ].join('\n');
  const run = spawnSync('/usr/bin/python3', ['-c', code], { input: statements.join('\n'), encoding: 'utf8' });
  if (run.status !== 0) {
    process.stderr.write(run.stderr);
    return null;
  }
  return Number(run.stdout.trim());
}

function updateStatements(table: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `update ${table} set score = ${i % 100} where id = ${i + 1}`);
}

/** Calls of `work` per second, measured in this process for SECONDS after a short warm-up. */
function callsPerSecond(work: () => unknown): number {
  for (let i = 0; i < 3; i++) work();
  const deadline = performance.now() + SECONDS * 1000;
  let calls = 0;
  const t0 = performance.now();
  while (performance.now() < deadline) {
    work();
    calls++;
  }
  return calls / ((performance.now() - t0) / 1000);
}

function row(label: string, ours: number, base: number, unit: string): string {
  return `${label.padEnd(44)} ${ours.toFixed(0).padStart(9)} ${unit.padEnd(8)} ${base.toFixed(0).padStart(9)} ${unit.padEnd(8)} ${(ours / base).toFixed(2).padStart(6)}`;
}

/** The sections `npm run bench -- NAME …` can pick; all of them run by default. */
const SECTIONS = ['queries', 'connects', 'execute', 'check-insert', 'check-update', 'split', 'ddl', 'stall', 'binlog'] as const;
type Section = (typeof SECTIONS)[number];

function chosenSections(argv: readonly string[]): ReadonlySet<Section> {
  const unknown = argv.filter((a) => !(SECTIONS as readonly string[]).includes(a));
  if (unknown.length > 0) throw new Error(`unknown bench section ${unknown.join(', ')}; sections: ${SECTIONS.join(', ')}`);
  return new Set(argv.length > 0 ? (argv as Section[]) : SECTIONS);
}

function timeLine(label: string, ours: number, base: number, note: string): string {
  return `${label.padEnd(44)} ${ours.toFixed(2).padStart(9)} ${'s'.padEnd(8)} ${base.toFixed(2).padStart(9)} ${'s'.padEnd(8)} ${(ours / base).toFixed(2).padStart(6)}   ${note}`;
}

async function main(): Promise<void> {
  const only = chosenSections(process.argv.slice(2));
  const db = await startPrivateMariaDb();
  const port = await freePort();
  const child = await startInceptorProcess(port);
  const pid = child.pid!;
  const proxy: Endpoint = { host: '127.0.0.1', port, user: 'bench', password: '' };
  const direct: Endpoint = { host: db.host, port: db.port, user: db.user, password: db.password };
  const lines: string[] = [];
  try {
    const q = 'select @@version_comment limit 1';
    console.log(`measuring (${SECTIONS.filter((x) => only.has(x)).join(', ')}; ${SECONDS}s per rate, ${INSERTS} inserts, ${UPDATES} updates)…`);
    lines.push(`${'figure'.padEnd(44)} ${'inceptor'.padStart(18)} ${'baseline'.padStart(18)} ${'ratio'.padStart(6)}`);
    if (only.has('queries')) {
      lines.push(row('local query, 1 connection', await rateOfQueries(proxy, q, 1), await rateOfQueries(direct, q, 1), 'q/s'));
      lines.push(row('local query, 32 connections', await rateOfQueries(proxy, q, 32), await rateOfQueries(direct, q, 32), 'q/s'));
    }
    if (only.has('connects')) {
      lines.push(row('new connections, 1 at a time', await rateOfConnects(proxy, 1), await rateOfConnects(direct, 1), 'conn/s'));
      lines.push(row('new connections, 32 in parallel', await rateOfConnects(proxy, 32), await rateOfConnects(direct, 32), 'conn/s'));
    }

    const admin = await mysql.createConnection({ ...direct, multipleStatements: true });
    await admin.query('create database if not exists bench');
    const freshTable = async (t: string) => {
      await admin.query(`drop table if exists bench.${t}; create table bench.${t}(id int primary key, name varchar(64) not null, score int not null)`);
    };
    const client = await mysql.createConnection(proxy);
    // Warm both paths first: inceptor is a long-running server, so its parser and audit code are measured hot,
    // just as the direct path's mysql2 code is already hot in this process.
    await freshTable('t_warm');
    await client.query(batch(direct, 'execute', 'bench', insertStatements('t_warm', 2000)));

    if (only.has('execute')) {
      // the same statements sent directly: by the C client (the goal's baseline) and by mysql2 (what inceptor uses)
      await freshTable('t_c');
      const cSeconds = cClientSeconds(direct, 'bench', insertStatements('t_c', INSERTS));
      await freshTable('t_direct');
      const conn = await mysql.createConnection({ ...direct, database: 'bench' });
      for (const sql of insertStatements('t_warm', 2000)) await conn.query(`${sql} on duplicate key update score = score`);
      let t0 = performance.now();
      for (const sql of insertStatements('t_direct', INSERTS)) await conn.query(sql);
      const mysql2Seconds = (performance.now() - t0) / 1000;
      await conn.end();
      await freshTable('t_proxy');
      let executed = 0;
      const proxyRun = await timed(pid, INSERTS, async () => {
        const [execRows] = await client.query(batch(direct, 'execute', 'bench', insertStatements('t_proxy', INSERTS)));
        executed = (execRows as unknown[]).length;
      });
      const [[{ n }]] = (await admin.query('select count(*) n from bench.t_proxy')) as unknown as [[{ n: number }]];
      if (Number(n) !== INSERTS) throw new Error(`execute batch inserted ${n} of ${INSERTS} rows (${executed} result rows)`);
      // The same batch check-only: what the execute batch costs beyond it is execution (EXECUTING) alone, which
      // splits the gap between the audit and the execute loop.
      await freshTable('t_proxy');
      const checkRun = await timed(pid, INSERTS, () => client.query(batch(direct, 'check', 'bench', insertStatements('t_proxy', INSERTS))));
      const note = `inceptor ${proxyRun.cpuPerStatement.toFixed(0)} µs CPU/stmt`;
      const executing = `(inceptor ${(proxyRun.cpuPerStatement - checkRun.cpuPerStatement).toFixed(0)} µs CPU/stmt)`;
      if (cSeconds !== null) {
        lines.push(timeLine(`execute ${INSERTS} INSERTs (vs C client)`, proxyRun.seconds, cSeconds, `(goal <= 1.10; ${note})`));
        lines.push(timeLine(`  of it execution: minus check-only (vs C)`, proxyRun.seconds - checkRun.seconds, cSeconds, executing));
        lines.push(timeLine(`  same, direct by mysql2 (vs C client)`, mysql2Seconds, cSeconds, ''));
      } else {
        lines.push(timeLine(`execute ${INSERTS} INSERTs (vs mysql2; no C client)`, proxyRun.seconds, mysql2Seconds, `(${note})`));
        lines.push(timeLine(`  of it execution: minus check-only (vs mysql2)`, proxyRun.seconds - checkRun.seconds, mysql2Seconds, executing));
      }
    }

    if (only.has('check-insert')) {
      await freshTable('t_check');
      const text = batch(direct, 'check', 'bench', insertStatements('t_check', INSERTS));
      const run = await timed(pid, INSERTS, () => client.query(text));
      lines.push(
        `${`check-only, ${INSERTS} INSERTs in one batch`.padEnd(44)} ${(INSERTS / run.seconds).toFixed(0).padStart(9)} stmts/s ${''.padStart(18)}          (goal >= 100000; inceptor ${run.cpuPerStatement.toFixed(0)} µs CPU/stmt)`,
      );
    }

    if (only.has('check-update')) {
      // UPDATEs by primary key on a filled table: each needs an EXPLAIN; the baseline sends those EXPLAINs itself,
      // one after the other on one connection
      await freshTable('t_upd');
      await admin.query(`insert into bench.t_upd select seq, concat('n', seq), 0 from bench.seq_1_to_${UPDATES}`);
      const updates = updateStatements('t_upd', UPDATES);
      await client.query(batch(direct, 'check', 'bench', updateStatements('t_upd', 2000)));
      const conn = await mysql.createConnection({ ...direct, database: 'bench' });
      for (const sql of updates.slice(0, 2000)) await conn.query(`EXPLAIN ${sql}`);
      const t0 = performance.now();
      for (const sql of updates) await conn.query(`EXPLAIN ${sql}`);
      const explainRate = UPDATES / ((performance.now() - t0) / 1000);
      await conn.end();
      const run = await timed(pid, UPDATES, () => client.query(batch(direct, 'check', 'bench', updates)));
      lines.push(
        `${row(`check-only, ${UPDATES} indexed UPDATEs (vs EXPLAINs)`, UPDATES / run.seconds, explainRate, 'stmts/s')}   (goal >= 8000; inceptor ${run.cpuPerStatement.toFixed(0)} µs CPU/stmt)`,
      );
    }

    if (only.has('split')) {
      // The splitter alone, in this process, against String.split(';') over the same text (no lexing at all).
      const checkText = batch(direct, 'check', 'bench', insertStatements('t_check', INSERTS));
      lines.push(row(`split, ${INSERTS}-statement batch (vs split(';'))`, callsPerSecond(() => splitStatements(checkText)), callsPerSecond(() => checkText.split(';')), 'batch/s'));
    }

    if (only.has('ddl')) {
      // DDL audit throughput against node-sql-parser's bare parse of the same statements (both warmed once)
      const ddl = ddlStatements(DDL_STATEMENTS);
      const ddlBatch = batch(direct, 'check', 'bench', ddl);
      for (const sql of ddl) astify(sql);
      await client.query(ddlBatch);
      const t0 = performance.now();
      for (const sql of ddl) astify(sql);
      const parseRate = DDL_STATEMENTS / ((performance.now() - t0) / 1000);
      const run = await timed(pid, DDL_STATEMENTS, () => client.query(ddlBatch));
      lines.push(row(`check-only, ${DDL_STATEMENTS} CREATE+ALTER (vs bare parse)`, DDL_STATEMENTS / run.seconds, parseRate, 'stmts/s'));
    }
    await client.end();
    await admin.end();

    if (only.has('stall')) {
      const stall = await measureStall(proxy, direct, Number(process.env.BENCH_STALL_STATEMENTS ?? 100_000));
      const idle = await measureIdleWait(proxy, stall.probes);
      lines.push(
        `${`longest select 1 wait, ${stall.statements / 1000}k-stmt check running`.padEnd(44)} ${stall.longestWaitMs.toFixed(0).padStart(9)} ${'ms'.padEnd(8)} ${idle
          .toFixed(0)
          .padStart(9)} ${'ms idle'.padEnd(8)} ${(stall.longestWaitMs / idle).toFixed(2).padStart(6)}   (goal <= 50 ms; ${stall.probes} probes; batch ${(stall.statements / stall.batchSeconds).toFixed(0)} stmts/s)`,
      );
    }

    if (only.has('binlog')) lines.push(...(await binlogSection({ ...direct, dir: db.dir }, async (inc) => {
      const backupPort = await freePort();
      return { port: backupPort, child: await startInceptorProcess(backupPort, inc) };
    })));
  } finally {
    child.kill('SIGTERM');
    db.stop();
  }
  lines.push('ratio = inceptor / baseline: for rates higher is better, for times lower is better.');
  console.log(lines.join('\n'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
