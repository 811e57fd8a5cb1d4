// What every stage of one batch sees (docs/architecture.md): plain data plus the target session and the
// process entry whose AbortSignal KILL fires. Stages change rows; they never return rows of their own.

import type { Logger } from 'pino';
import type { Settings } from '../config/settings.js';
import type { ProcessEntry } from '../process/registry.js';
import type { TargetSession } from '../target/session.js';
import type { BatchOptions } from './options.js';
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
}
