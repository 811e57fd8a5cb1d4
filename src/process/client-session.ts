// What the layers above the connection see of a client: who it is, its current database and its registry entry.

import type { ProcessEntry } from './registry.js';
import type { QueryResult } from '../protocol/result.js';

export interface ClientSession {
  readonly connectionId: number;
  readonly user: string;
  readonly clientHost: string;
  readonly isAdmin: boolean;
  currentDb: string | null;
  readonly process: ProcessEntry;
  /**
   * `inception set session` assignments made outside a batch with grants on: they apply to this connection's
   * later batches only (docs/security.md "Settings and grants"). Absent for sessions that never keep any.
   */
  readonly settingAssignments?: { name: string; value: string }[];
}

/** Answers one COM_QUERY text (a whole multi-statement batch arrives as one text). */
export type QueryHandler = (sql: string, session: ClientSession) => Promise<QueryResult>;
