// The SessionManager seam (docs/kill.md): what `commands/` asks of "the sessions" — list them, kill one, which
// server id is ours — without knowing whether this instance runs alone (LocalSessions, below) or in a cluster
// (cluster/sessions.ts routes by the server id decoded from the connection id).

import { ER, mysqlError } from '../protocol/result.js';
import { redactSecrets } from './redact.js';
import type { KillMode, KillRequester, ProcessEntry, ProcessRegistry } from './registry.js';

/** A connection as the processlist shows it; plain data, so it can come from another instance. */
export interface ProcessView {
  id: number;
  user: string;
  clientHost: string;
  db: string | null;
  command: string;
  state: string;
  /** Secrets already redacted. */
  info: string;
  dest: { user: string; host: string; port: number } | null;
  percent: number;
  /** ms epoch, in the reader's clock, of the last progress update. */
  updatedAt: number;
}

/** One processlist row with the instance that owns it (the cluster processlist's INSTANCE and SERVER_ID). */
export interface ListedProcess extends ProcessView {
  instance: string;
  serverId: number;
}

export interface ProcessListing {
  processes: ListedProcess[];
  /** One line per instance that did not answer (the cluster processlist turns them into warnings). */
  unanswered: string[];
}

export type ListScope = 'local' | 'cluster';

export interface SessionManager {
  /** The server id this instance hands out in connection ids now; null while it holds none (fenced, starting). */
  readonly serverId: number | null;
  /** Connections the requester may see: its own user's, or all for an admin; `cluster` asks every live instance. */
  list(requester: KillRequester, scope: ListScope): Promise<ProcessListing>;
  /** KILL [CONNECTION|QUERY] id, wherever the connection lives; MysqlError 1094/1095/1105 when it cannot. */
  kill(requester: KillRequester, id: bigint, mode: KillMode): Promise<void>;
}

/** MySQL's visibility rule for SHOW PROCESSLIST without PROCESS: same user name, unless privileged. */
export function visibleTo(requester: { user: string; isAdmin: boolean }, entry: { user: string }): boolean {
  return requester.isAdmin || entry.user === requester.user;
}

/** A registry entry as plain data (info redacted before it leaves the instance). */
export function processView(entry: ProcessEntry): ProcessView {
  return {
    id: entry.id,
    user: entry.user,
    clientHost: entry.clientHost,
    db: entry.db,
    command: entry.command,
    state: entry.state,
    info: entry.info === '' ? '' : redactSecrets(entry.info),
    dest: entry.dest ? { ...entry.dest } : null,
    percent: entry.percent,
    updatedAt: entry.updatedAt,
  };
}

export function unknownThread(id: bigint | number) {
  return mysqlError(ER.NO_SUCH_THREAD, `Unknown thread id: ${id}`);
}

/** Standalone: this instance's registry is the whole world; ids of other server ids answer 1094. */
export class LocalSessions implements SessionManager {
  constructor(
    private readonly registry: ProcessRegistry,
    /** What the cluster processlist shows as INSTANCE for this instance. */
    private readonly instance: string,
  ) {}

  get serverId(): number {
    return this.registry.serverId;
  }

  async list(requester: KillRequester): Promise<ProcessListing> {
    const processes = this.registry
      .list()
      .filter((e) => visibleTo(requester, e))
      .map((e) => ({ ...processView(e), instance: this.instance, serverId: this.registry.serverId }));
    return { processes, unanswered: [] };
  }

  async kill(requester: KillRequester, id: bigint, mode: KillMode): Promise<void> {
    this.registry.kill(requester, id, mode);
  }
}
