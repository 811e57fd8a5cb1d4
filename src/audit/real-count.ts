// Runs the `--real_row_count` COUNT on the target (docs/audit.md), bounded by a statement timeout
// (Archery #3024). Any failure (timeout, a rewrite the target rejects, a lost privilege) returns null so the
// caller falls back to the EXPLAIN estimate: a count is a nicer number, never a reason to block a batch, so
// nothing is added to the row.

import type { ParsedStatement } from '../sql/statement.js';
import {
  COUNT_COLUMN,
  countForDml,
  countForSelect,
  countForSelectRenamed,
  dmlClauses,
  insertSelectText,
  supportsCteColumns,
  timeoutBound,
  type ServerFlavour,
} from './count-rewrite.js';
import type { SqlRunner } from './runner.js';

/** How long one COUNT may run on the target before we settle for EXPLAIN's estimate. */
export const DEFAULT_REAL_ROW_COUNT_TIMEOUT_MS = 10_000;

/** ER_DUP_FIELDNAME: a derived table whose SELECT repeats an output name (`SELECT 1, 1`). */
const ER_DUP_FIELDNAME = 1060;

export interface RealCountOptions {
  runner: SqlRunner;
  server: ServerFlavour;
  timeoutMs: number;
  /** INSERT … SELECT: how many columns the SELECT produces (for the renamed-CTE retry); null when unknown. */
  selectWidth?: number | null;
}

/** The real number of rows the UPDATE/DELETE (matched rows) or INSERT … SELECT (selected rows) touches; null → use EXPLAIN. */
export async function realRowCount(stmt: ParsedStatement, opts: RealCountOptions): Promise<number | null> {
  const bound = timeoutBound(opts.server, opts.timeoutMs);
  if (stmt.kind === 'update' || stmt.kind === 'delete') {
    const clauses = dmlClauses(stmt.text);
    return clauses ? runCount(opts.runner, countForDml(clauses, bound)) : null;
  }
  if (stmt.kind === 'insert' || stmt.kind === 'replace') {
    const select = insertSelectText(stmt.text);
    if (!select) return null;
    const first = await runCountOrError(opts.runner, countForSelect(select, bound));
    if (typeof first === 'number') return first;
    const width = opts.selectWidth ?? null;
    if (first?.errno === ER_DUP_FIELDNAME && width !== null && width > 0 && supportsCteColumns(opts.server)) {
      return runCount(opts.runner, countForSelectRenamed(select, width, bound));
    }
    return null;
  }
  return null;
}

async function runCount(runner: SqlRunner, sql: string): Promise<number | null> {
  const r = await runCountOrError(runner, sql);
  return typeof r === 'number' ? r : null;
}

/** The count, or the driver error's number (null when it had none or the result was unreadable). */
async function runCountOrError(runner: SqlRunner, sql: string): Promise<number | { errno: number | null } | null> {
  try {
    const rows = await runner.query<Record<string, unknown>>(sql);
    const n = Number(rows[0]?.[COUNT_COLUMN]);
    return Number.isFinite(n) && n >= 0 ? n : null;
  } catch (err) {
    const errno = (err as { errno?: unknown }).errno;
    return { errno: typeof errno === 'number' ? errno : null };
  }
}
