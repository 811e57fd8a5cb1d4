// What instances send each other over the status port (docs/kill.md, "Forwarding"): JSON bodies, signed by
// auth.ts. The owner of a connection answers KILL and processlist for its own sessions only, never forwarding.

import type { KillMode } from '../process/registry.js';
import type { ProcessView } from '../process/sessions.js';

export const KILL_PATH = '/internal/kill';
export const PROCESSLIST_PATH = '/internal/processlist';

/** The requester as the instance that received the KILL authenticated it. */
export interface ForwardedRequester {
  user: string;
  /** Admin (may kill and see every user's connections), decided where the requester logged in. */
  isAdmin: boolean;
}

export interface KillMessage {
  /** The server id the sender believes the owner holds; the owner answers 1094 when it holds another. */
  serverId: number;
  /** The full connection id as the client wrote it. */
  id: number;
  mode: KillMode;
  requester: ForwardedRequester;
}

export type KillAnswer = { ok: true } | { ok: false; code: number; sqlState: string; message: string };

export interface ProcesslistMessage {
  requester: ForwardedRequester;
}

/** Ages instead of times: instance clocks may differ. */
export type RemoteProcess = Omit<ProcessView, 'updatedAt'> & { ageMs: number };

export interface ProcesslistAnswer {
  instance: string;
  serverId: number;
  processes: RemoteProcess[];
}
