// The cluster's SessionManager (docs/kill.md): a connection id names its owner's server id; ours is handled by
// the local registry, any other is forwarded once to the instance holding that id's live lease, which re-checks
// everything and answers as MySQL would. An id with no live lease answers 1094.

import type { Logger } from 'pino';
import { decodeConnectionId } from '../process/connection-id.js';
import type { KillMode, KillRequester, ProcessRegistry } from '../process/registry.js';
import { processView, unknownThread, visibleTo, type ListedProcess, type ListScope, type ProcessListing, type SessionManager } from '../process/sessions.js';
import { ER, MysqlError, mysqlError } from '../protocol/result.js';
import { signedHeaders } from './auth.js';
import type { LeaseKeeper } from './lease.js';
import { KILL_PATH, PROCESSLIST_PATH, type KillAnswer, type KillMessage, type ProcesslistAnswer, type ProcesslistMessage } from './messages.js';
import type { Metrics } from './metrics.js';
import type { Lease, LeaseStore } from './store.js';

/** The live leases, cached so forwarding keeps working through a short store outage. */
export class Directory {
  private leases: Lease[] = [];
  private loadedAt = -Infinity;
  /** Reads started so far, and which of them the cache holds. */
  private reads = 0;
  private cachedRead = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: LeaseStore,
    private readonly maxAgeMs: number,
    private readonly log: Logger,
  ) {}

  /**
   * The cached leases, refreshed when older than maxAgeMs; `fresh` always reads (the cluster processlist: a cache
   * loaded a moment ago may predate a peer's lease), waiting out the rate limit rather than skipping the read.
   * The cache on store errors.
   */
  async live(fresh = false): Promise<Lease[]> {
    const age = Date.now() - this.loadedAt;
    if (!fresh && age <= this.maxAgeMs) return this.leases;
    await this.waitOutRefreshLimit();
    try {
      await this.read();
    } catch (err) {
      this.log.warn({ event: 'directory', error: (err as Error).message, cachedMs: Math.round(age) }, 'store unreachable: using the cached leases');
    }
    return this.leases;
  }

  /** At most one read per MIN_REFRESH_MS: waited out, never skipped. */
  private async waitOutRefreshLimit(): Promise<void> {
    const age = Date.now() - this.loadedAt;
    if (age <= MIN_REFRESH_MS) await new Promise((resolve) => setTimeout(resolve, MIN_REFRESH_MS - age + 1));
  }

  /**
   * One read of the store; throws when the store cannot be read. Reads overlap (the warming timer, a miss, the
   * cluster processlist): one that began before the read already in the cache never replaces it.
   */
  private async read(): Promise<Lease[]> {
    const began = ++this.reads;
    const startedAt = Date.now();
    const leases = await this.store.live();
    if (began > this.cachedRead) {
      this.cachedRead = began;
      this.leases = leases;
      // the age of what the cache says is counted from when it was read, not from when the answer came
      this.loadedAt = startedAt;
    }
    return leases;
  }

  /** Keeps the cache warm, so a store outage finds it filled. */
  start(): void {
    void this.live(true);
    this.timer = setInterval(() => void this.live(true), this.maxAgeMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * The live lease of `serverId`, or undefined when the store says it has none. A hit in the cache is used as is
   * (forwarding keeps working through a short store outage); a miss is only believed when a read that began after
   * the miss confirms it: the cache may predate a peer taking this id. When that read fails, nobody can tell
   * whether the id is leased: StoreUnreadable, never a guess.
   */
  async find(serverId: number): Promise<Lease | undefined> {
    const cached = (await this.live()).find((l) => l.serverId === serverId);
    if (cached) return cached;
    await this.waitOutRefreshLimit();
    let leases: Lease[];
    try {
      leases = await this.read();
    } catch (err) {
      throw new StoreUnreadable((err as Error).message);
    }
    return leases.find((l) => l.serverId === serverId);
  }
}

/** The coordination store could not be read when a lookup needed it. */
export class StoreUnreadable extends Error {}

/** A miss refreshes the cache, but not more often than this. */
const MIN_REFRESH_MS = 200;

export interface ClusterSessionsOptions {
  secret: string;
  forwardTimeoutMs: number;
  maxServerId: number;
  /** Our INSTANCE in the cluster processlist (the advertised status address). */
  instance: string;
}

export class ClusterSessions implements SessionManager {
  constructor(
    private readonly registry: ProcessRegistry,
    private readonly lease: LeaseKeeper,
    private readonly directory: Directory,
    private readonly opts: ClusterSessionsOptions,
    private readonly metrics: Metrics,
    private readonly log: Logger,
  ) {}

  get serverId(): number | null {
    return this.lease.serverId;
  }

  async kill(requester: KillRequester, id: bigint, mode: KillMode): Promise<void> {
    const decoded = decodeConnectionId(id, this.registry.ids.idBits);
    if (!decoded || decoded.serverId > this.opts.maxServerId) throw this.failed(unknownThread(id));
    // A truncated 64-bit id (server id 0) names no instance: the registry runs it locally or refuses it.
    if (decoded.serverId === this.lease.serverId || decoded.serverId === 0) {
      try {
        this.registry.kill(requester, id, mode);
      } catch (err) {
        throw this.failed(err);
      }
      this.metrics.kill('local');
      return;
    }
    let owner: Lease | undefined;
    try {
      owner = await this.directory.find(decoded.serverId);
    } catch (err) {
      if (!(err instanceof StoreUnreadable)) throw err;
      this.log.warn({ event: 'kill_forward', id: Number(id), serverId: decoded.serverId, error: err.message }, 'KILL: lease lookup failed');
      throw this.failed(mysqlError(ER.UNKNOWN, `KILL ${id}: server id ${decoded.serverId} is not in the cached lease directory and the coordination store cannot be read: ${err.message}`));
    }
    if (!owner) throw this.failed(unknownThread(id));
    const message: KillMessage = { serverId: decoded.serverId, id: Number(id), mode, requester: { user: requester.user, isAdmin: requester.isAdmin } };
    let answer: KillAnswer;
    try {
      answer = (await this.post(owner.rpcAddr, KILL_PATH, message)) as KillAnswer;
    } catch (err) {
      this.log.warn({ event: 'kill_forward', id: Number(id), owner: owner.serverId, addr: owner.rpcAddr, error: (err as Error).message }, 'KILL forwarding failed');
      throw this.failed(mysqlError(ER.UNKNOWN, `KILL forwarding to instance ${owner.serverId} (${owner.rpcAddr}) failed: ${(err as Error).message}`));
    }
    if (!answer.ok) throw this.failed(new MysqlError(answer.code, answer.sqlState, answer.message));
    this.log.info({ event: 'kill_forward', id: Number(id), owner: owner.serverId, mode }, 'KILL forwarded');
    this.metrics.kill('forwarded');
  }

  private failed(err: unknown): unknown {
    this.metrics.kill('failed');
    return err;
  }

  async list(requester: KillRequester, scope: ListScope): Promise<ProcessListing> {
    const own = this.ownProcesses(requester);
    if (scope === 'local') return { processes: own, unanswered: [] };
    const peers = (await this.directory.live(true)).filter((l) => l.serverId !== this.lease.serverId);
    const message: ProcesslistMessage = { requester: { user: requester.user, isAdmin: requester.isAdmin } };
    const answers = await Promise.allSettled(peers.map((peer) => this.post(peer.rpcAddr, PROCESSLIST_PATH, message)));
    const processes = [...own];
    const unanswered: string[] = [];
    const now = Date.now();
    answers.forEach((answer, i) => {
      const peer = peers[i]!;
      if (answer.status === 'rejected') {
        unanswered.push(`instance ${peer.serverId} (${peer.rpcAddr}) did not answer: ${(answer.reason as Error).message}`);
        return;
      }
      const body = answer.value as ProcesslistAnswer;
      for (const { ageMs, ...p } of body.processes) processes.push({ ...p, updatedAt: now - ageMs, instance: body.instance, serverId: body.serverId });
    });
    return { processes, unanswered };
  }

  private ownProcesses(requester: KillRequester): ListedProcess[] {
    const serverId = this.lease.serverId;
    if (serverId === null) return [];
    return this.registry
      .list()
      .filter((e) => visibleTo(requester, e))
      .map((e) => ({ ...processView(e), instance: this.opts.instance, serverId }));
  }

  /** One signed POST with a hard deadline; rejects on network errors, timeouts and non-JSON answers. */
  private async post(addr: string, path: string, message: unknown): Promise<unknown> {
    const body = JSON.stringify(message);
    const response = await fetch(`http://${addr}${path}`, {
      method: 'POST',
      headers: signedHeaders(this.opts.secret, path, body),
      body,
      signal: AbortSignal.timeout(this.opts.forwardTimeoutMs),
    }).catch((err: Error) => {
      throw new Error(err.name === 'TimeoutError' ? `no answer within ${this.opts.forwardTimeoutMs} ms` : describeFetchError(err));
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`HTTP ${response.status} ${text.slice(0, 200)}`);
    return JSON.parse(text) as unknown;
  }
}

/** fetch hides the socket error in `cause`. */
function describeFetchError(err: Error): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? err.message;
}
