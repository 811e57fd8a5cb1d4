// What every stage of one batch sees (docs/stages.md): plain data plus the target session, the auditor and the
// process entry whose AbortSignal KILL fires. Stages change rows; they never return rows of their own.

import type { Logger } from 'pino';
import type { Auditor } from '../audit/engine.js';
import type { Settings } from '../config/settings.js';
import type { StatementHook } from '../execute/hooks.js';
import type { ProcessEntry } from '../process/registry.js';
import type { TargetSession } from '../target/session.js';
import type { BatchOptions } from '../options/magic-comment.js';
import type { ResultRow } from '../rows/row.js';

export interface BatchContext {
  options: BatchOptions;
  /** Statement texts after `inception_magic_start` (progress percentages are relative to it). */
  statementCount: number;
  rows: ResultRow[];
  target: TargetSession;
  /** The batch's own settings copy (`inception set session` inside the batch changes it). */
  settings: Settings;
  process: ProcessEntry;
  log: Logger;
  /** The batch's auditor: its snapshot gives each row the table layout it was audited against (`tableFor`). */
  auditor: Auditor;
  /** The batch's stages, in order (the execute stage runs every stage's preflight and statement hook). */
  stages: readonly BatchStage[];
  /** Each stage's outcome word once it ran (`completed`, `killed`, …), for the batch's log line. */
  outcomes: Record<string, string>;
}

/**
 * One stage of a batch. Every part is optional; request.ts runs them in this order:
 *  1. `prerequisites` of every stage, before anything runs: a message refuses the batch (level 2 on a start row);
 *  2. `run` of each stage in order, until one returns false (CHECKING → EXECUTING → BACKUP);
 *     the execute stage, before its first statement, runs every stage's `preflight` on the target session (a message
 *     aborts execution, level 2 on the first row) and wraps every statement in every stage's `statementHook`.
 */
export interface BatchStage {
  readonly name: 'CHECKING' | 'EXECUTING' | 'BACKUP';
  prerequisites?(ctx: BatchContext): Promise<string | null>;
  preflight?(ctx: BatchContext): Promise<string | null>;
  /** Asked once per batch by the execute stage, which calls it around every statement it runs. */
  statementHook?(ctx: BatchContext): StatementHook;
  /** The stage's own work; false stops the batch here (later stages do not run). */
  run?(ctx: BatchContext): Promise<boolean>;
  /** Releases what the stage holds (connections), whatever happened; request.ts calls it at the end of the batch. */
  dispose?(): Promise<void>;
}
