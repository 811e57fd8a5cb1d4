// Real inceptor processes for the cluster tests (docs/kill.md): each one a `node` child with its own
// config.toml on loopback ports, its JSON log kept in memory; plus a round-robin TCP balancer in front of them,
// as a load balancer would be. Every wait is bounded. With CLUSTER_KEEP_LOGS=<dir> in the environment, each
// process's log is written there when it is disposed (for reading a failure after the run).

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { within } from '../integration/kill/helpers.js';
import mysql from 'mysql2/promise';
import { freePort, startPrivateMariaDb, type TestDb } from './mariadb.js';

export { within };

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLUSTER_SECRET = 'test-cluster-secret';

export interface ClusterTimings {
  leaseSeconds: number;
  heartbeatSeconds: number;
  fenceSeconds: number;
  maxServerId: number;
  forwardTimeoutMs: number;
}

/** Seconds, not hours: the failure tests wait for leases to expire and fences to trip. */
export const FAST: ClusterTimings = { leaseSeconds: 10, heartbeatSeconds: 1, fenceSeconds: 5, maxServerId: 1023, forwardTimeoutMs: 8000 };

export interface MemberOptions {
  store: TestDb;
  storeDb: string;
  timings?: Partial<ClusterTimings>;
  /** [[users]] with grants on (skip_grant_table = false). */
  users?: { name: string; password: string; admin: boolean }[];
  /** Shifts the process's wall clock (Date) by this much (test/support/skewed-clock.ts). */
  clockSkewMs?: number;
  /** The backup server of `--backup=1` batches ([inc] backup_*). */
  backup?: TestDb;
  /** Reuse these ports (an instance restarted on the same address). */
  sqlPort?: number;
  statusPort?: number;
  secret?: string;
}

export interface Readiness {
  ready: boolean;
  serverId: number | null;
  state: string;
  reason: string;
}

/** One inceptor process. */
export class Member {
  private child: ChildProcess | null = null;
  private output = '';
  private exited: Promise<number | null> = Promise.resolve(null);
  private readonly dir = mkdtempSync(join(tmpdir(), 'inceptor-member-'));

  private constructor(
    public sqlPort: number,
    public statusPort: number,
    private readonly opts: MemberOptions,
  ) {}

  static async create(opts: MemberOptions): Promise<Member> {
    return new Member(opts.sqlPort ?? (await freePort()), opts.statusPort ?? (await freePort()), opts);
  }

  get statusAddress(): string {
    return `127.0.0.1:${this.statusPort}`;
  }

  /** The process's log so far (pino JSON lines). */
  get log(): string {
    return this.output;
  }

  configText(): string {
    const t = { ...FAST, ...this.opts.timings };
    const s = this.opts.store;
    const lines = [
      'host = "127.0.0.1"',
      `port = ${this.sqlPort}`,
      `skip_grant_table = ${this.opts.users ? 'false' : 'true'}`,
      '[log]',
      'level = "info"',
      '[security]',
      `skip_grant_table = ${this.opts.users ? 'false' : 'true'}`,
      '[status]',
      'report-status = true',
      'status-host = "127.0.0.1"',
      `status-port = ${this.statusPort}`,
      '[cluster]',
      'enable = true',
      `store_host = "${s.host}"`,
      `store_port = ${s.port}`,
      `store_user = "${s.user}"`,
      `store_password = "${s.password}"`,
      `store_db = "${this.opts.storeDb}"`,
      `secret = "${this.opts.secret ?? CLUSTER_SECRET}"`,
      `lease_seconds = ${t.leaseSeconds}`,
      `heartbeat_seconds = ${t.heartbeatSeconds}`,
      `fence_seconds = ${t.fenceSeconds}`,
      `max_server_id = ${t.maxServerId}`,
      `forward_timeout_ms = ${t.forwardTimeoutMs}`,
    ];
    const b = this.opts.backup;
    if (b) lines.push('[inc]', `backup_host = "${b.host}"`, `backup_port = ${b.port}`, `backup_user = "${b.user}"`, `backup_password = "${b.password}"`);
    for (const u of this.opts.users ?? []) lines.push('[[users]]', `name = "${u.name}"`, `password = "${u.password}"`, `admin = ${u.admin}`);
    return lines.join('\n') + '\n';
  }

  /**
   * Spawns the process and waits until its status port answers (ready or not). A port picked free can be taken by
   * another test's server before the instance binds it: with ports of our own choosing, that start is retried on new
   * ones (never with ports the test asked for, which a restart on the same address depends on).
   */
  async start(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.startOnce();
      } catch (err) {
        const portsOurs = this.opts.sqlPort === undefined && this.opts.statusPort === undefined;
        if (!portsOurs || attempt >= 3 || !/EADDRINUSE/.test((err as Error).message)) throw err;
        this.sqlPort = await freePort();
        this.statusPort = await freePort();
      }
    }
  }

  private async startOnce(): Promise<void> {
    const file = join(this.dir, 'config.toml');
    writeFileSync(file, this.configText());
    this.output = '';
    const skew = this.opts.clockSkewMs ?? 0;
    const clock = skew === 0 ? [] : ['--import', join(root, 'test', 'support', 'skewed-clock.ts')];
    const child = spawn(process.execPath, ['--import', 'tsx', ...clock, join(root, 'test', 'support', 'inceptor-main.ts'), '--config', file], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, INCEPTOR_TEST_CLOCK_SKEW_MS: String(skew) },
    });
    this.child = child;
    child.stdout!.on('data', (d: Buffer) => (this.output += d.toString('utf8')));
    child.stderr!.on('data', (d: Buffer) => (this.output += d.toString('utf8')));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const exitedEarly = this.exited.then((code) => Promise.reject(new Error(`exited with ${code}`)));
      exitedEarly.catch(() => undefined);
      const answering = eventually(`instance :${this.sqlPort} to answer on its status port`, 120_000, async () => child.exitCode !== null || (await this.readiness().catch(() => null)) !== null);
      answering.catch(() => undefined);
      await Promise.race([exitedEarly, answering]);
      if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
    } catch (err) {
      throw new Error(`${(err as Error).message}; its output:\n${this.output}`);
    }
  }

  async readiness(): Promise<Readiness> {
    const res = await fetch(`http://${this.statusAddress}/readyz`, { signal: AbortSignal.timeout(2000) });
    return (await res.json()) as Readiness;
  }

  async waitReady(ms = 60_000): Promise<Readiness> {
    let last: Readiness | null = null;
    await eventually(`instance :${this.sqlPort} to be ready`, ms, async () => {
      last = await this.readiness().catch(() => null);
      return last?.ready === true;
    });
    return last!;
  }

  async metrics(): Promise<string> {
    const res = await fetch(`http://${this.statusAddress}/metrics`, { signal: AbortSignal.timeout(2000) });
    return res.text();
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGTERM (graceful: drain, release the id) and wait for the exit. */
  async stop(ms = 20_000): Promise<number | null> {
    if (!this.running) return this.child?.exitCode ?? null;
    this.child!.kill('SIGTERM');
    return within(ms, 'the instance to exit', this.exited);
  }

  /** SIGKILL: no drain, the lease stays until it expires. */
  async crash(): Promise<void> {
    if (!this.running) return;
    this.child!.kill('SIGKILL');
    await within(10_000, 'the instance to die', this.exited);
  }

  async dispose(): Promise<void> {
    await this.crash().catch(() => undefined);
    if (process.env.CLUSTER_KEEP_LOGS) writeFileSync(join(process.env.CLUSTER_KEEP_LOGS, `member-${this.sqlPort}-${Date.now()}.log`), this.output);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A round-robin TCP balancer on loopback: connection n goes to backend n mod N. */
export class Balancer {
  private next = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private backends: number[],
  ) {}

  static async start(backends: number[]): Promise<Balancer> {
    let balancer!: Balancer;
    const server = createServer((client) => balancer.route(client));
    const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
    balancer = new Balancer(server, port, backends);
    return balancer;
  }

  private route(client: Socket): void {
    const port = this.backends[this.next++ % this.backends.length]!;
    const upstream = createConnection({ host: '127.0.0.1', port });
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }

  /** The next connection goes to backend `index` (tests use it to pick who receives a KILL). */
  aim(index: number): void {
    this.next = index;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Polls `check` every 50 ms until it returns true; fails after `ms`. */
export async function eventually(what: string, ms: number, check: () => Promise<boolean> | boolean): Promise<void> {
  const deadline = Date.now() + ms;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
      lastError = null;
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}${lastError ? `: ${(lastError as Error).message}` : ''}`);
}

/**
 * Stops a private MariaDB (startPrivateMariaDb) but keeps its datadir, so `restartMariaDb` brings it back. Returns
 * once the server is dead, not once its pid is gone: the server was started in the background, so after SIGKILL it
 * stays a zombie until the machine's init reaps it (seconds here), and the fence clock of every instance is already
 * running meanwhile.
 */
export async function pauseMariaDb(dir: string): Promise<void> {
  const pid = Number(readFileSync(`${dir}.pid`, 'utf8').trim());
  process.kill(pid, 'SIGKILL');
  await eventually('the store to stop', 20_000, () => !alive(pid));
}

/** Whether `pid` still runs: a zombie (state Z in /proc/<pid>/stat) has exited and only waits to be reaped. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false; // reaped between the two looks
  }
}

export function restartMariaDb(dir: string, port: number): void {
  execFileSync('bash', [join(root, 'scripts', 'start-db.sh'), dir, String(port), 'rootpw'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/**
 * A private MariaDB as the coordination store and the instances started on it, for the cluster failure tests (each
 * test file has its own, so it can stop and restart its store without disturbing other files).
 */
export class StoreFixture {
  static readonly STORE_DB = 'inceptor_cluster';
  private db: Awaited<ReturnType<typeof startPrivateMariaDb>> | null = null;
  private readonly started: Member[] = [];

  get store(): Awaited<ReturnType<typeof startPrivateMariaDb>> {
    if (!this.db) throw new Error('StoreFixture.open() has not run');
    return this.db;
  }

  async open(): Promise<void> {
    this.db = await startPrivateMariaDb();
  }

  async close(): Promise<void> {
    await Promise.all(this.started.map((m) => m.dispose()));
    this.db?.stop();
  }

  /** Starts an instance on the store; waits until it serves unless `ready` is false. */
  async member(opts: Omit<MemberOptions, 'store' | 'storeDb'> = {}, ready = true): Promise<Member> {
    const m = await Member.create({ store: this.store, storeDb: StoreFixture.STORE_DB, ...opts });
    this.started.push(m);
    await m.start();
    if (ready) await m.waitReady();
    return m;
  }

  /** One query on the store's database, on a connection of its own. */
  async query<T>(sql: string, values: unknown[] = []): Promise<T> {
    const s = this.store;
    const conn = await mysql.createConnection({ host: s.host, port: s.port, user: s.user, password: s.password, database: StoreFixture.STORE_DB });
    try {
      const [rows] = await conn.query(sql, values);
      return rows as T;
    } finally {
      await conn.end();
    }
  }
}
