// The result-set modes other than check/execute (docs/result-modes.md): `--split`, `--enable-query-print`,
// `--masking`. Each walks the batch's statements once and answers with its own columns; none executes anything.

import type { ProcessEntry } from '../../process/registry.js';
import type { QueryResult } from '../../protocol/result.js';
import type { TargetSession } from '../../target/session.js';
import { KILLED_MESSAGE } from '../../rows/row.js';
import type { BatchOptions } from '../../options/magic-comment.js';
import { batchItems, BEGIN_TWICE_MESSAGE, MUST_END_MESSAGE } from '../plan.js';
import type { SqlPiece } from '../splitter.js';
import { createMaskingMode } from './masking-mode.js';
import { createPrintMode } from './print-mode.js';
import { SPLIT_COLUMNS, splitGroupValues, SplitGrouper } from './split.js';
import type { ModeHandler } from './handler.js';

export type ResultMode = 'split' | 'query-print' | 'masking';

export interface ResultModeDeps {
  options: BatchOptions;
  /** The target, connected; only masking reads from it (table metadata). */
  target: TargetSession;
  process: ProcessEntry;
}

export function isResultMode(mode: string): mode is ResultMode {
  return mode === 'split' || mode === 'query-print' || mode === 'masking';
}

/** Runs `pieces` (everything after `inception_magic_start`) in `mode`. */
export async function runResultMode(mode: ResultMode, pieces: readonly SqlPiece[], deps: ResultModeDeps): Promise<QueryResult> {
  const initialDb = deps.options.db === '' ? null : deps.options.db;
  const handler = createHandler(mode, initialDb, deps);
  const walk = batchItems(pieces);
  let done = 0;
  for (;;) {
    const next = walk.next();
    if (next.done) {
      const end = next.value;
      if (end.kind === 'parse_error') handler.error(end.text, end.message);
      else if (end.kind === 'missing_commit') handler.error('', MUST_END_MESSAGE);
      else if (end.kind === 'begin_twice') handler.error(end.text, BEGIN_TWICE_MESSAGE);
      break;
    }
    const item = next.value;
    if (item.kind !== 'statement') continue; // in-batch `inception set` changes nothing these modes read
    deps.process.progress(item.statement.text, (++done * 100) / Math.max(pieces.length, 1));
    await handler.statement(item.statement);
    if (deps.process.signal.aborted) {
      handler.error('', KILLED_MESSAGE);
      break;
    }
  }
  return handler.result();
}

function createHandler(mode: ResultMode, initialDb: string | null, deps: ResultModeDeps): ModeHandler {
  if (mode === 'query-print') return createPrintMode();
  if (mode === 'masking') return createMaskingMode(initialDb, deps.target);
  const grouper = new SplitGrouper(initialDb);
  return {
    statement: async (stmt) => grouper.add(stmt),
    error: (sql, message) => grouper.addError(sql, message),
    result: () => ({ kind: 'rows', columns: [...SPLIT_COLUMNS], rows: grouper.groups.map(splitGroupValues) }),
  };
}
