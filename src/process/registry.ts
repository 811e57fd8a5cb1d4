// The process registry: one entry per client connection, what it is doing, and the switch that KILL flips.
// Stages read `entry.signal` between statements (never inside one); the connection layer reads
// `entry.closeRequested` after it has written a response.

import { ER, mysqlError, type MysqlError } from '../protocol/result.js';
import { decodeConnectionId, encodeConnectionId, type IdBits } from './connection-id.js';

export type ProcessCommand = 'LOCAL' | 'CHECK' | 'EXECUTE';
export type ProcessState = 'INIT' | 'CHECKING' | 'EXECUTING' | 'BACKUP';
export type KillMode = 'query' | 'connection';

export interface ProcessOwner {
  id: number;
  user: string;
  /** `host:port` of the client as seen by us. */
  clientHost: string;
  /** May kill and see other users' connections (config `[[users]] admin`, or skip_grant_table with root). */
  isAdmin: boolean;
  /** Closes the client socket now; called for KILL CONNECTION of an idle connection. */
  close: () => void;
}

export interface Destination {
  user: string;
  host: string;
  port: number;
}

export class ProcessEntry {
  readonly id: number;
  readonly user: string;
  readonly clientHost: string;
  readonly isAdmin: boolean;
  db: string | null = null;
  command: ProcessCommand = 'LOCAL';
  state: ProcessState = 'INIT';
  /** Statement being worked on (full text; the processlist truncates). */
  info = '';
  dest: Destination | null = null;
  /** 0..100 */
  percent = 0;
  /** ms epoch of the last progress update (processlist `Time`). */
  updatedAt = Date.now();
  /** Set by KILL CONNECTION while a request runs: close once its response is written. */
  closeRequested = false;

  private controller: AbortController | null = null;
  private readonly closeNow: () => void;
  /** The socket was closed (idle KILL CONNECTION); guards against closing twice. */
  private closed = false;

  constructor(owner: ProcessOwner) {
    this.id = owner.id;
    this.user = owner.user;
    this.clientHost = owner.clientHost;
    this.isAdmin = owner.isAdmin;
    this.closeNow = owner.close;
  }

  /**
   * Starts tracking one client request; the returned signal fires on KILL. A connection already told to
   * close (a packet may have been buffered before the KILL) gets an aborted signal, so it starts no new work.
   */
  beginRequest(): AbortSignal {
    this.controller = new AbortController();
    if (this.closeRequested) this.controller.abort(killedReason());
    this.updatedAt = Date.now();
    return this.controller.signal;
  }

  /** Back to idle: goInception resets to LOCAL / INIT with no destination after every request. */
  endRequest(): void {
    this.controller = null;
    this.command = 'LOCAL';
    this.state = 'INIT';
    this.info = '';
    this.dest = null;
    this.percent = 0;
    this.updatedAt = Date.now();
  }

  get busy(): boolean {
    return this.controller !== null;
  }

  /** The current request's kill signal (an already-aborted-never signal when idle). */
  get signal(): AbortSignal {
    return this.controller?.signal ?? NEVER;
  }

  setStage(state: ProcessState, command?: ProcessCommand): void {
    this.state = state;
    if (command) this.command = command;
    this.percent = 0;
    this.updatedAt = Date.now();
  }

  progress(info: string, percent: number): void {
    this.info = info;
    this.percent = Number.isFinite(percent) ? Math.max(0, Math.min(100, percent)) : 0;
    this.updatedAt = Date.now();
  }

  /**
   * QUERY: abort the running request (a no-op when idle). CONNECTION: the same, then close — after the
   * current response when a request runs (or when `afterResponse`, i.e. the connection kills itself), at
   * once when idle. Idempotent: a double KILL, or QUERY then CONNECTION, only ever closes once.
   */
  kill(mode: KillMode, afterResponse = false): void {
    if (this.controller && !this.controller.signal.aborted) this.controller.abort(killedReason());
    if (mode !== 'connection') return;
    this.closeRequested = true;
    if (this.busy || afterResponse || this.closed) return;
    this.closed = true;
    this.closeNow();
  }
}

const NEVER = new AbortController().signal;

function killedReason(): Error {
  return new Error('Operation has been killed!');
}

export interface KillRequester {
  user: string;
  isAdmin: boolean;
  /** The requester's own connection id: killing yourself closes only after the OK is written. */
  connectionId?: number;
}

export class ProcessRegistry {
  private readonly entries = new Map<number, ProcessEntry>();
  /**
   * Set while this instance must not take connections (cluster: fenced, or no server id yet); the listener
   * answers new clients with it instead of a handshake (docs/kill.md, "Failure behaviour").
   */
  refusal: MysqlError | null = null;

  /** The server id of new connection ids; the cluster changes it when it acquires a new lease. */
  constructor(
    public serverId: number = 1,
    readonly ids: IdLayout = { idBits: 32, compatibleKillQuery: false },
  ) {}

  register(owner: ProcessOwner): ProcessEntry {
    const entry = new ProcessEntry(owner);
    this.entries.set(entry.id, entry);
    // A login that began before a fence finishes with an id of a server id we no longer hold: close it, as the
    // fence closed every other session (docs/kill.md, "Failure behaviour").
    const decoded = decodeConnectionId(owner.id, this.ids.idBits);
    if (this.refusal || (decoded && decoded.serverId !== this.serverId)) setImmediate(() => entry.kill('connection'));
    return entry;
  }

  unregister(id: number): void {
    this.entries.delete(id);
  }

  get(id: number): ProcessEntry | undefined {
    return this.entries.get(id);
  }

  /** All entries ordered by id; connections already told to close are hidden, as in goInception. */
  list(): ProcessEntry[] {
    return [...this.entries.values()].filter((e) => !e.closeRequested).sort((a, b) => a.id - b.id);
  }

  /** Every entry, including those already told to close (shutdown drains until this is 0). */
  get size(): number {
    return this.entries.size;
  }

  /** KILL CONNECTION for every entry (a fenced instance closes all its sessions); returns how many. */
  killAll(): number {
    const all = [...this.entries.values()];
    for (const entry of all) entry.kill('connection');
    return all.length;
  }

  /**
   * KILL [CONNECTION|QUERY] id of this instance, with MySQL's privilege rule: own user name, or an admin.
   * Ids of other server ids answer 1094 (cluster/sessions.ts forwards them before they get here).
   */
  kill(requester: KillRequester, id: bigint, mode: KillMode): void {
    const entry = this.entryFor(id);
    if (!entry) throw mysqlError(ER.NO_SUCH_THREAD, `Unknown thread id: ${id}`);
    if (!requester.isAdmin && requester.user !== entry.user) {
      throw mysqlError(ER.KILL_DENIED, `You are not owner of thread ${id}`);
    }
    entry.kill(mode, requester.connectionId === entry.id);
  }

  /**
   * The local connection a client's id names. A truncated 64-bit id (server id 0) names a local id of this
   * instance only with `compatible-kill-query = true`; otherwise it is refused, saying why (docs/kill.md).
   */
  private entryFor(id: bigint): ProcessEntry | undefined {
    const decoded = decodeConnectionId(id, this.ids.idBits);
    if (!decoded) return undefined;
    if (decoded.serverId === 0) {
      if (!this.ids.compatibleKillQuery) throw mysqlError(ER.UNKNOWN, truncatedIdMessage(id));
      return this.entries.get(encodeConnectionId(this.serverId, decoded.localId, 64));
    }
    return decoded.serverId === this.serverId ? this.entries.get(Number(id)) : undefined;
  }
}

/** How connection ids are made and how a KILL of a truncated one is read (`[cluster] id_bits`, `compatible-kill-query`). */
export interface IdLayout {
  idBits: IdBits;
  compatibleKillQuery: boolean;
}

export function truncatedIdMessage(id: bigint | number): string {
  return (
    `KILL ${id}: connection ids are 64-bit here and this one has no server id (its high 32 bits are 0); it is the ` +
    'handshake\'s 32-bit part of an id, so the instance that owns it is unknown. Use the full id from ' +
    'CONNECTION_ID() or the processlist, or set compatible-kill-query = true to treat it as a local id of this instance'
  );
}
