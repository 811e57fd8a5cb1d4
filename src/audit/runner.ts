// What the auditor needs from the target: plain queries (metadata, EXPLAIN, USE). The pipeline adapts its
// TargetSession; tests adapt a mysql2 connection.

import type { IncConfig } from '../config/config.js';

export interface SqlRunner {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** The settings the auditor reads: `[inc]` values by key and `[inc_level]` levels by level key. */
export interface AuditSettings {
  inc: Readonly<IncConfig>;
  levels: Record<string, number>;
}

export interface AuditServerInfo {
  version: string;
  lowerCaseTableNames: number;
  sqlMode: string;
  explicitDefaultsForTimestamp: boolean;
  /** `@@enforce_gtid_consistency` / `@@gtid_mode` as the target answers them ('' or absent on MariaDB). */
  enforceGtidConsistency?: string;
  gtidMode?: string;
}

/**
 * Extra target sessions for EXPLAIN (src/target/explain-pool.ts): `query` runs with `db` as the current database.
 * `ready` opens them; false means they could not be opened and the auditor stays on its own session.
 */
export interface ExplainRunner {
  ready(): Promise<boolean>;
  query<T = Record<string, unknown>>(sql: string, db: string | null): Promise<T[]>;
}
