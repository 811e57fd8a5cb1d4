// Holding a server id (docs/kill.md, "Server ids and leases"): acquire one, heartbeat it with our owner token,
// self-fence when heartbeats fail for longer than fence_seconds or the row is no longer ours, then acquire a
// new id; on shutdown drain (keep heartbeating while connections finish) and release. Elapsed time since the
// last good heartbeat is measured on the monotonic clock; lease values are the store's clock (store.ts).

import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { ER, mysqlError } from '../protocol/result.js';
import type { ProcessRegistry } from '../process/registry.js';
import type { LeaseStore } from './store.js';

export type LeaseState = 'acquiring' | 'serving' | 'fenced' | 'draining' | 'released';
export const LEASE_STATES: readonly LeaseState[] = ['acquiring', 'serving', 'fenced', 'draining', 'released'];

export interface LeaseTimings {
  leaseSeconds: number;
  heartbeatSeconds: number;
  fenceSeconds: number;
  maxServerId: number;
}

export interface LeaseAddresses {
  /** host:port of our status port, where peers forward KILLs. */
  rpcAddr: string;
  /** host:port of our SQL port (shown, never used for routing). */
  sqlAddr: string;
}

/** Start of the message refused clients get; the reason follows. */
export const NOT_SERVING = 'inceptor instance is not serving:';

/** Acquisition is retried at most this often (and at least every heartbeat). */
const MAX_RETRY_MS = 5000;
const DRAIN_POLL_MS = 100;

export class LeaseKeeper {
  state: LeaseState = 'acquiring';
  serverId: number | null = null;
  /** This incarnation's owner token (a new one for every acquired id). */
  token = randomUUID();
  /** Why we are not serving (shown by /readyz and in refused connections); '' while serving. */
  reason = 'acquiring a server id';
  private lastBeat = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** A row of ours that may still be in the store after a fence: deleted before the next acquire. */
  private staleToken: string | null = null;
  private previousId: number | null = null;
  /** Why we fenced, kept in `reason` until a new id is held (a failed re-acquire adds to it, never replaces it). */
  private fenceCause: string | null = null;
  private readonly listeners: ((state: LeaseState) => void)[] = [];

  constructor(
    private readonly store: LeaseStore,
    private readonly registry: ProcessRegistry,
    private readonly timings: LeaseTimings,
    private readonly addresses: LeaseAddresses,
    private readonly log: Logger,
  ) {
    this.refuse();
  }

  onChange(listener: (state: LeaseState) => void): void {
    this.listeners.push(listener);
  }

  get ready(): boolean {
    return this.state === 'serving';
  }

  /** Starts the acquire/heartbeat loop; resolves after the first attempt (acquired or not). */
  async start(): Promise<void> {
    await this.step();
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    const beatMs = this.timings.heartbeatSeconds * 1000;
    const delay = this.state === 'serving' || this.state === 'draining' ? beatMs : Math.min(beatMs, MAX_RETRY_MS);
    this.timer = setTimeout(() => {
      this.step().finally(() => this.schedule());
    }, delay);
    this.timer.unref();
  }

  private async step(): Promise<void> {
    try {
      if (this.state === 'acquiring' || this.state === 'fenced') await this.acquire();
      else if (this.state === 'serving' || this.state === 'draining') await this.beat();
    } catch (err) {
      this.log.error({ event: 'lease', err }, 'lease step failed');
    }
  }

  private async acquire(): Promise<void> {
    let result;
    try {
      await this.store.ensureSchema();
      if (this.staleToken) {
        await this.store.release(this.staleToken);
        this.staleToken = null;
      }
      result = await this.store.acquire({ token: this.token, ...this.addresses }, this.timings.leaseSeconds, this.timings.maxServerId, this.previousId);
    } catch (err) {
      this.notServing(`coordination store unreachable: ${(err as Error).message}`);
      return;
    }
    if (result.kind === 'full') {
      this.notServing(result.reason);
      return;
    }
    this.serverId = result.serverId;
    this.lastBeat = performance.now();
    this.registry.serverId = result.serverId;
    this.registry.refusal = null;
    this.reason = '';
    this.fenceCause = null;
    this.log.info({ event: 'lease', state: 'serving', serverId: result.serverId }, `acquired server id ${result.serverId}`);
    this.setState('serving');
  }

  private notServing(problem: string): void {
    const reason = this.fenceCause === null ? problem : `fenced: ${this.fenceCause}; no new server id yet: ${problem}`;
    if (reason !== this.reason) this.log.warn({ event: 'lease', state: this.state, reason }, `not serving: ${reason}`);
    this.reason = reason;
    this.refuse();
  }

  private async beat(): Promise<void> {
    const id = this.serverId!;
    let ours: boolean;
    try {
      ours = await this.store.heartbeat(id, this.token, this.timings.leaseSeconds, this.state === 'draining' ? 'draining' : 'serving');
    } catch (err) {
      const silentMs = performance.now() - this.lastBeat;
      this.log.warn({ event: 'lease', serverId: id, silentMs: Math.round(silentMs), error: (err as Error).message }, 'heartbeat failed');
      if (silentMs > this.timings.fenceSeconds * 1000) {
        this.fence(`no successful heartbeat for ${Math.round(silentMs / 1000)} s (fence_seconds = ${this.timings.fenceSeconds})`);
      }
      return;
    }
    if (!ours) {
      this.fence(`the lease row of server id ${id} was deleted or taken over`);
      return;
    }
    this.lastBeat = performance.now();
  }

  /** Closes every session and refuses new ones: another instance may soon hold our id. */
  private fence(reason: string): void {
    const draining = this.state === 'draining';
    this.log.error({ event: 'lease', state: 'fenced', serverId: this.serverId, reason, sessions: this.registry.size }, `fenced: ${reason}`);
    this.registry.killAll();
    this.previousId = this.serverId;
    this.staleToken = this.token;
    this.token = randomUUID();
    this.serverId = null;
    this.fenceCause = reason;
    this.reason = `fenced: ${reason}`;
    this.refuse();
    if (draining) {
      // shutting down anyway: nothing left to hold
      this.setState('released');
      this.stopped = true;
      return;
    }
    this.setState('fenced');
  }

  private refuse(): void {
    this.registry.refusal = mysqlError(ER.UNKNOWN, `${NOT_SERVING} ${this.reason}`);
  }

  private setState(state: LeaseState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }

  /**
   * Shutdown: mark the row draining and keep heartbeating (KILL still reaches our sessions) until every
   * connection is gone, then give the id back.
   */
  async drain(): Promise<void> {
    if (this.state === 'serving') {
      this.setState('draining');
      this.reason = 'shutting down';
      this.refuse();
      await this.step();
      while (this.registry.size > 0 && (this.state as LeaseState) === 'draining') await new Promise((r) => setTimeout(r, DRAIN_POLL_MS));
    }
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const tokens = [this.token, this.staleToken].filter((t): t is string => t !== null);
    for (const token of tokens) await this.store.release(token).catch((err) => this.log.warn({ event: 'lease', error: (err as Error).message }, 'release failed'));
    this.log.info({ event: 'lease', state: 'released', serverId: this.serverId }, 'server id released');
    this.serverId = null;
    this.setState('released');
  }
}
