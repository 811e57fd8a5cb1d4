// The result columns a statement will have, worked out at COM_STMT_PREPARE without side effects, so the
// PREPARE_OK can announce them (drivers such as MariaDB Connector/ODBC decide from the prepare response
// whether a result set follows). Whatever cannot be known safely is announced as "no columns": the execute
// response always carries the real column definitions, and clients take those (MySQL re-sends them too).

import { markerOf, stripLeadingComments } from '../batch/plan.js';
import { RESULT_COLUMNS } from '../batch/result-set.js';
import { splitStatements } from '../batch/splitter.js';
import { parseLocalCommand } from '../commands/parse.js';
import type { LocalCommand } from '../commands/types.js';
import { binaryColumns } from '../protocol/prepared.js';
import { MysqlError, type ColumnDef, type QueryResult } from '../protocol/result.js';

export interface DescribeDeps {
  /** The compat layer's answer for a text that starts with SELECT or SHOW (those forms change nothing). */
  compat(sql: string): QueryResult | null;
  /** Runs a read-only local command (`inception get|show variables|levels|processlist`). */
  runLocal(sql: string): Promise<QueryResult>;
}

/** Local commands that only read: running them at prepare time is harmless. */
const READ_ONLY_COMMANDS: ReadonlySet<LocalCommand['kind']> = new Set(['show_variables', 'show_levels', 'show_processlist']);

/** The 13 audit columns as a binary result declares them. */
export const BATCH_COLUMNS: readonly ColumnDef[] = binaryColumns({ kind: 'rows', columns: [...RESULT_COLUMNS], rows: [] });

/** What kind of statement a prepared text is, as far as announcing its columns goes. */
export type PreparedShape = 'batch' | 'compat' | 'local' | 'unknown';

/** Classifies without running anything: a batch, a SELECT/SHOW the compat layer may answer, a read-only local command. */
export function preparedShape(sql: string): PreparedShape {
  const first = splitStatements(sql)[0];
  if (!first) return 'unknown';
  if (markerOf(first.text) === 'start') return 'batch';
  if (/^(select|show)\b/i.test(stripLeadingComments(sql))) return 'compat';
  let local: LocalCommand | null;
  try {
    local = parseLocalCommand(first.text);
  } catch (err) {
    if (err instanceof MysqlError) return 'unknown';
    throw err;
  }
  return local && READ_ONLY_COMMANDS.has(local.kind) ? 'local' : 'unknown';
}

/**
 * The columns to announce for `sql` at prepare time. A text with placeholders is only described when it is a
 * batch (anything else depends on the values bound at execute). Errors are left for the execute to report.
 */
export async function describeAtPrepare(sql: string, placeholders: number, deps: DescribeDeps): Promise<ColumnDef[]> {
  const shape = preparedShape(sql);
  if (shape === 'batch') return [...BATCH_COLUMNS];
  if (placeholders > 0 || shape === 'unknown') return [];
  try {
    const result = shape === 'compat' ? deps.compat(sql) : await deps.runLocal(sql);
    return result ? binaryColumns(result) : [];
  } catch (err) {
    if (err instanceof MysqlError) return [];
    throw err;
  }
}

/** A batch text without its leading comments and whitespace and without trailing `;` (for comparing). */
function batchBody(sql: string): string {
  return stripLeadingComments(sql).replace(/[\s;]+$/, '');
}

/**
 * MariaDB Connector/ODBC 3.1 prepares a multi-statement text as written, closes that statement, and prepares
 * it again without its leading comment — which is where a batch's `/*--user=…;--password=…*\/` options are.
 * When a prepare arrives right after the close of a batch and is that batch minus its leading comment,
 * the original text (with the comment) is the one meant. Returns the text to prepare.
 */
export function restoreLeadingComment(justClosed: string | null, sql: string): string {
  if (justClosed === null || justClosed === sql || preparedShape(justClosed) !== 'batch') return sql;
  if (batchBody(justClosed) !== sql.trim().replace(/[\s;]+$/, '')) return sql;
  return justClosed;
}
