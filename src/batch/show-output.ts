// SHOW … and EXPLAIN … inside a batch (docs/stages.md "SHOW and EXPLAIN in a batch"): sent verbatim to the target
// while checking, and the row's `sql` becomes the statement followed by the result, one line per row, values as SQL
// literals joined with ` | `. They are never executed afterwards (execute/execute.ts skips them).

import { bytesLiteral, stringLiteral } from '../backup/rollback/literal.js';
import type { ResultRow } from '../rows/row.js';
import { driverMessage, type TargetSession } from '../target/session.js';

/** Wire types whose values are numbers (written without quotes). */
const NUMERIC_TYPES: ReadonlySet<number> = new Set([0, 1, 2, 3, 4, 5, 8, 9, 13, 246]);
/** The character set number of binary strings. */
const BINARY_CHARSET = 63;
/** Result lines kept in the `sql` column; a longer result ends with a line saying how many were left out. */
export const MAX_OUTPUT_LINES = 10_000;
/**
 * MySQL 8's EXPLAIN ANALYZE runs the statement it explains (UPDATE and DELETE too): an audit never changes data,
 * so it is not sent.
 */
const RUNS_THE_STATEMENT = /^\s*(explain|describe|desc)\s+analyze\b/i;
export const EXPLAIN_ANALYZE_MESSAGE = 'EXPLAIN ANALYZE runs the statement, so the audit does not send it';

export type ShowTarget = Pick<TargetSession, 'resultSet'>;

/** Runs the row's SHOW/EXPLAIN on the target and puts its output into the row's `sql`; a target error goes on the row. */
export async function renderRemoteOutput(row: ResultRow, target: ShowTarget, hexBlob: boolean): Promise<void> {
  if (RUNS_THE_STATEMENT.test(row.sql)) {
    row.addText(2, EXPLAIN_ANALYZE_MESSAGE);
    return;
  }
  let result: Awaited<ReturnType<ShowTarget['resultSet']>>;
  try {
    result = await target.resultSet(row.sql);
  } catch (err) {
    row.addText(2, driverMessage(err));
    return;
  }
  const lines: string[] = [];
  for (const values of result.rows.slice(0, MAX_OUTPUT_LINES)) {
    lines.push(values.map((v, i) => literal(v, result.columns[i], hexBlob)).join(' | '));
  }
  if (result.rows.length > MAX_OUTPUT_LINES) lines.push(`... ${result.rows.length - MAX_OUTPUT_LINES} more rows`);
  row.sql = `${row.sql}:\n${lines.join('\n')}`;
}

function literal(value: unknown, column: { type: number; charset: number } | undefined, hexBlob: boolean): string {
  if (value === null || value === undefined) return 'NULL';
  const numeric = column !== undefined && NUMERIC_TYPES.has(column.type);
  if (Buffer.isBuffer(value)) {
    return bytesLiteral(value, column?.charset === BINARY_CHARSET || column === undefined ? null : 'utf8mb4', hexBlob);
  }
  if (numeric && (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'string')) return String(value);
  return stringLiteral(String(value));
}
