// `npm run bench`, BACKUP binlog side (docs/binlog.md): rollback generation for one big UPDATE against
// `mariadb-binlog --flashback` on the same range, zongji's decoding of it, and the reader's peak RSS.

import { spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { runCaptured, sourceOptions, tableLayout } from '../test/support/binlog-capture.js';
import type { DmlStatementCapture } from '../src/backup/types.js';
import type { Endpoint } from './bench-stall.js';

const BINLOG_ROWS = (process.env.BENCH_BINLOG_ROWS ?? '100000,1000000').split(',').map(Number);

// ── BACKUP, binlog side (docs/binlog.md): rollback generation for one big UPDATE ────────────────────────────
// readRollback runs in a fresh child process (so its peak RSS is its own) over the range of a single UPDATE of N
// rows; `mariadb-binlog --flashback -v` decodes the same range, from the local file and over the network.

interface RollbackRun {
  rows: number;
  statements: number;
  seconds: number;
  /** User + system CPU seconds of the run itself (module loading excluded). */
  cpuSeconds: number;
  maxRssMb: number;
}

function runRollbackChild(capture: DmlStatementCapture, options: object, decoder: 'ours' | 'zongji'): RollbackRun {
  const boot = `
    const caps = [JSON.parse(process.env.BENCH_CAPTURE)];
    const opts = { ...JSON.parse(process.env.BENCH_OPTIONS), signal: new AbortController().signal };
    // Modules load before the clocks start: only the run itself is measured (zongji only when it is measured).
    const ZongJi = process.env.BENCH_DECODER === 'zongji' ? (await import('@vlasky/zongji')).default : null;
    const { readRollback } = await import(${JSON.stringify(new URL('../src/backup/binlog/index.ts', import.meta.url).href)});
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    let rows = 0, statements = 0;
    if (process.env.BENCH_DECODER === 'zongji') {
      // zongji's own row decoding over the same range (rows counted, no SQL built), for the decision record.
      const z = new ZongJi({ host: opts.host, port: opts.port, user: opts.user, password: opts.password, dateStrings: true, timezone: 'Z' });
      const end = caps[0].end.position;
      await new Promise((resolve, reject) => {
        z.on('error', reject);
        z.on('binlog', (e) => {
          if (e.rows) rows += e.rows.length;
          if (e.nextPosition >= end) { z.stop(); resolve(); }
        });
        z.start({ serverId: opts.replicaServerId, filename: caps[0].start.file, position: caps[0].start.position, includeEvents: ['tablemap', 'updaterows', 'xid', 'rotate'] });
      });
    } else {
      for await (const e of readRollback(caps, opts)) {
        if (e.kind === 'statements') statements += e.sql.length;
        else if (e.kind === 'done') rows = e.rows;
        else throw new Error(e.reason);
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    console.log(JSON.stringify({ rows, statements, seconds, cpuSeconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
    process.exit(0);`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', boot], {
    env: { ...process.env, BENCH_CAPTURE: JSON.stringify(capture), BENCH_OPTIONS: JSON.stringify(options), BENCH_DECODER: decoder },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`rollback child failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as RollbackRun;
}

/** Best of two runs of `mariadb-binlog --flashback -v`: wall seconds and user + system CPU seconds. */
function flashbackRun(args: string[]): { seconds: number; cpuSeconds: number } {
  let best = { seconds: Infinity, cpuSeconds: Infinity };
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  for (let i = 0; i < 2; i++) {
    const t0 = performance.now();
    const run = spawnSync('bash', ['-c', `TIMEFORMAT='%U %S'; time (mariadb-binlog --no-defaults --flashback -v ${quoted} > /dev/null)`], { encoding: 'utf8' });
    const seconds = (performance.now() - t0) / 1000;
    const times = /([\d.]+) ([\d.]+)\s*$/.exec(run.stderr);
    if (run.status !== 0 || !times) throw new Error(`mariadb-binlog failed: ${run.stderr}`);
    if (seconds < best.seconds) best = { seconds, cpuSeconds: Number(times[1]) + Number(times[2]) };
  }
  return best;
}

/** Starts an inceptor server with extra `[inc]` lines; the bench stops it. */
export type InceptorStarter = (inc: string) => Promise<{ port: number; child: ChildProcess }>;

export async function binlogSection(db: Endpoint & { dir: string }, startInceptor: InceptorStarter): Promise<string[]> {
  const lines: string[] = [];
  const admin = await mysql.createConnection({ host: db.host, port: db.port, user: db.user, password: db.password, multipleStatements: true });
  await admin.query('create database if not exists bench_binlog');
  await admin.changeUser({ database: 'bench_binlog' });
  const rss: string[] = [];
  for (const n of BINLOG_ROWS) {
    await fillUpdateTable(admin, n);
    const layout = await tableLayout(admin, 'bench_binlog', 't_update');
    await admin.query('flush binary logs');
    const capture = await runCaptured(admin, 1, "update t_update set a = a + 1, b = concat(b, '-u')", [layout]);
    const { signal: _signal, ...options } = sourceOptions(db, { timeZone: '+00:00' });
    const ours = runRollbackChild(capture, options, 'ours');
    if (ours.rows !== n || ours.statements !== n) throw new Error(`rollback decoded ${ours.rows} rows / ${ours.statements} statements of ${n}`);
    rss.push(`${n} rows: ${ours.maxRssMb.toFixed(0)} MB`);
    if (n !== BINLOG_ROWS[0]) continue;
    const range = [`--start-position=${capture.start.position}`, `--stop-position=${capture.end.position}`];
    const local = flashbackRun([...range, join(db.dir, capture.start.file)]);
    const remote = flashbackRun([
      '--read-from-remote-server',
      `--host=${db.host}`,
      `--port=${db.port}`,
      `--user=${db.user}`,
      `--password=${db.password}`,
      ...range,
      capture.start.file,
    ]);
    const zongji = runRollbackChild(capture, options, 'zongji');
    const rate = n / ours.seconds;
    const fixed = (v: number, unit: string) => `${v.toFixed(0).padStart(9)} ${unit.padEnd(8)}`;
    lines.push(
      `${`rollback of a ${n}-row UPDATE, vs flashback (local file)`.padEnd(44)} ${fixed(rate, 'rows/s')} ${fixed(n / local.seconds, 'rows/s')} ${(rate / (n / local.seconds)).toFixed(2).padStart(6)}   (goal >= 0.70)`,
    );
    lines.push(
      `${'  same, vs flashback --read-from-remote-server'.padEnd(44)} ${fixed(rate, 'rows/s')} ${fixed(n / remote.seconds, 'rows/s')} ${(rate / (n / remote.seconds)).toFixed(2).padStart(6)}`,
    );
    lines.push(
      `${'  per CPU second, vs flashback (local file)'.padEnd(44)} ${fixed(n / ours.cpuSeconds, 'rows/cs')} ${fixed(n / local.cpuSeconds, 'rows/cs')} ${(local.cpuSeconds / ours.cpuSeconds).toFixed(2).padStart(6)}`,
    );
    lines.push(
      `${'  per CPU second, vs flashback (remote)'.padEnd(44)} ${fixed(n / ours.cpuSeconds, 'rows/cs')} ${fixed(n / remote.cpuSeconds, 'rows/cs')} ${(remote.cpuSeconds / ours.cpuSeconds).toFixed(2).padStart(6)}`,
    );
    lines.push(
      `${'  zongji decoding the same range (rows only)'.padEnd(44)} ${fixed(zongji.rows / zongji.seconds, 'rows/s')}   (ours / zongji ${(rate / (zongji.rows / zongji.seconds)).toFixed(2)}; per CPU second ${(zongji.cpuSeconds / ours.cpuSeconds).toFixed(2)})`,
    );
  }
  lines.push(`${'binlog reader alone, peak RSS'.padEnd(44)} ${rss.join(', ')}`);
  lines.push(...(await throughInceptor(db, admin, startInceptor)));
  await admin.query('drop database bench_binlog');
  await admin.end();
  return lines;
}

/** `t_update` with `n` rows (10 columns of the usual types), in database bench_binlog. */
async function fillUpdateTable(admin: mysql.Connection, n: number): Promise<void> {
  await admin.query('drop table if exists t_update');
  await admin.query(
    'create table t_update(id int primary key, a int, b varchar(64), c datetime(3), d decimal(12,2), e bigint, f double, g varchar(32), h timestamp(6) null, i tinyint)',
  );
  for (let from = 1; from <= n; from += 200_000) {
    const to = Math.min(n, from + 199_999);
    await admin.query(
      `insert into t_update select seq, seq, concat('name-', seq), '2024-01-01 00:00:00.123' + interval seq second, seq / 7, seq * 1000, seq / 3, md5(seq), '2024-01-01 00:00:00', seq % 100 from seq_${from}_to_${to}`,
    );
  }
}

/** Peak resident set of a live process (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

// ── BACKUP end to end: the same UPDATE executed through inceptor with --execute=1;--backup=1 ─────────────────
// A fresh inceptor server per size (its peak RSS is then the batch's own), the test MariaDB as target and backup
// server. `backup_time` of the UPDATE's result row is the time from the start of its binlog reading to its last
// rollback row stored on the backup server; flashback decodes the range its information row names.
async function throughInceptor(db: Endpoint & { dir: string }, admin: mysql.Connection, startInceptor: InceptorStarter): Promise<string[]> {
  const lines: string[] = [];
  const rss: string[] = [];
  const schema = `${db.host.replace(/[.-]/g, '_')}_${db.port}_bench_binlog`;
  for (const n of BINLOG_ROWS) {
    await fillUpdateTable(admin, n);
    await admin.query(`drop database if exists \`${schema}\``);
    const { port, child } = await startInceptor(
      `backup_host = "${db.host}"\nbackup_port = ${db.port}\nbackup_user = "${db.user}"\nbackup_password = "${db.password}"\n`,
    );
    let result: Record<string, unknown>;
    let peak: number;
    try {
      const client = await mysql.createConnection({ host: '127.0.0.1', port, user: 'bench', password: '' });
      const [rows] = await client.query(
        `/*--user=${db.user};--password=${db.password};--host=${db.host};--port=${db.port};--execute=1;--backup=1;--ignore-warnings=1;*/\n` +
          "inception_magic_start;\nuse bench_binlog;\nupdate t_update set a = a + 1, b = concat(b, '-u') where id > 0;\ninception_magic_commit;",
      );
      await client.end();
      result = (rows as Record<string, unknown>[]).find((r) => /^update/.test(String(r.sql)))!;
      peak = peakRssMb(child.pid!);
    } finally {
      child.kill('SIGTERM');
    }
    if (!/Backup Successfully/.test(String(result.stage_status))) throw new Error(`backup through inceptor failed: ${String(result.error_message)}`);
    const opid = String(result.sequence).replace(/'/g, '');
    const [[stored]] = (await admin.query(`select count(*) n from \`${schema}\`.t_update where opid_time = ?`, [opid])) as unknown as [[{ n: number }]];
    if (Number(stored.n) !== n) throw new Error(`inceptor stored ${stored.n} rollback rows of ${n}`);
    rss.push(`${n} rows: ${peak.toFixed(0)} MB`);
    if (n !== BINLOG_ROWS[0]) continue;
    const [[info]] = (await admin.query(
      `select start_binlog_file f, start_binlog_pos s, end_binlog_pos e from \`${schema}\`.\`$_$Inception_backup_information$_$\` where opid_time = ?`,
      [opid],
    )) as unknown as [[{ f: string; s: number; e: number }]];
    const flashback = flashbackRun([`--start-position=${info.s}`, `--stop-position=${info.e}`, join(db.dir, info.f)]);
    const seconds = Number(result.backup_time);
    const rate = n / seconds;
    lines.push(
      `${`${n}-row UPDATE through inceptor, rollback stored`.padEnd(44)} ${rate.toFixed(0).padStart(9)} ${'rows/s'.padEnd(8)} ${(n / flashback.seconds)
        .toFixed(0)
        .padStart(9)} ${'rows/s'.padEnd(8)} ${(rate / (n / flashback.seconds)).toFixed(2).padStart(6)}   (vs flashback, local file; goal >= 0.70; execute ${Number(result.execute_time).toFixed(1)} s, backup ${seconds.toFixed(1)} s)`,
    );
  }
  lines.push(`${'inceptor peak RSS, UPDATE with --backup=1'.padEnd(44)} ${rss.join(', ')}   (goal <= 150 MB, flat)`);
  return lines;
}

