// /metrics in Prometheus text format (prom-client), one registry per instance (docs/kill.md, "Health and
// metrics"): batches and their latency, statements by stage and level, kills by path, live connections, and
// the server-id lease.

import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ProcessCommand, ProcessRegistry } from '../process/registry.js';
import type { QueryResult } from '../protocol/result.js';
import { LEASE_STATES, type LeaseState } from './lease.js';

export type KillPath = 'local' | 'forwarded' | 'failed';

/** Column positions in the 13-column batch result (batch/result-set.ts). */
const STAGE_COLUMN = 1;
const LEVEL_COLUMN = 2;

export class Metrics {
  readonly registry = new Registry();
  private readonly batches: Counter<'mode'>;
  private readonly statements: Counter<'stage' | 'level'>;
  private readonly batchSeconds: Histogram<'mode'>;
  private readonly kills: Counter<'path'>;

  constructor(processes: ProcessRegistry, lease: () => { state: LeaseState | 'standalone'; serverId: number | null }) {
    const registers = [this.registry];
    this.batches = new Counter({ name: 'inceptor_batches_total', help: 'Batches answered, by mode', labelNames: ['mode'], registers });
    this.statements = new Counter({
      name: 'inceptor_statements_total',
      help: 'Result rows of answered batches, by stage and error level',
      labelNames: ['stage', 'level'],
      registers,
    });
    this.batchSeconds = new Histogram({
      name: 'inceptor_batch_duration_seconds',
      help: 'Time from receiving a batch to having its result, by mode',
      labelNames: ['mode'],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120, 600, 3600],
      registers,
    });
    this.kills = new Counter({ name: 'inceptor_kills_total', help: 'KILL statements: done here, forwarded to the owner, or failed', labelNames: ['path'], registers });
    new Gauge({
      name: 'inceptor_connections',
      help: 'Client connections logged in now',
      registers,
      collect() {
        this.set(processes.size);
      },
    });
    new Gauge({
      name: 'inceptor_lease_state',
      help: '1 for the current state of the server-id lease (standalone: no lease)',
      labelNames: ['state'],
      registers,
      collect() {
        const now = lease().state;
        for (const state of ['standalone', ...LEASE_STATES]) this.set({ state }, state === now ? 1 : 0);
      },
    });
    new Gauge({
      name: 'inceptor_server_id',
      help: 'The server id carried in new connection ids (0 while none is held)',
      registers,
      collect() {
        this.set(lease().serverId ?? 0);
      },
    });
    for (const path of ['local', 'forwarded', 'failed'] as const) this.kills.inc({ path }, 0);
  }

  kill(path: KillPath): void {
    this.kills.inc({ path });
  }

  /** Counts a request's answer when it is a batch result (the 13 columns), with its mode and latency. */
  observeRequest(result: QueryResult, command: ProcessCommand, seconds: number): void {
    if (result.kind !== 'rows' || result.columns[0]?.name !== 'order_id' || result.columns[STAGE_COLUMN]?.name !== 'stage') return;
    const mode = command === 'CHECK' ? 'check' : command === 'EXECUTE' ? 'execute' : 'other';
    this.batches.inc({ mode });
    this.batchSeconds.observe({ mode }, seconds);
    // counted here first: a batch has 10k rows but a handful of (stage, level) pairs, and each inc hashes its labels
    const counts = new Map<string, { stage: string; level: string; n: number }>();
    for (const row of result.rows) {
      const stage = row[STAGE_COLUMN] ?? '';
      const level = row[LEVEL_COLUMN] ?? '';
      const key = `${stage}\u0000${level}`;
      const seen = counts.get(key);
      if (seen) seen.n++;
      else counts.set(key, { stage, level, n: 1 });
    }
    for (const { stage, level, n } of counts.values()) this.statements.inc({ stage, level }, n);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
