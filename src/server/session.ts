// What the layers above the connection see of a client: who it is, its current database and its registry entry.

import type { ProcessEntry } from '../process/registry.js';
import type { QueryResult } from '../protocol/result.js';

export interface ClientSession {
  readonly connectionId: number;
  readonly user: string;
  readonly clientHost: string;
  readonly isAdmin: boolean;
  currentDb: string | null;
  readonly process: ProcessEntry;
}

/** Answers one COM_QUERY text (a whole multi-statement batch arrives as one text). */
export type QueryHandler = (sql: string, session: ClientSession) => Promise<QueryResult>;
