// The audit/execute result set on the wire: goInception's 13 columns (docs/results.md); Archery reads
// columns 0..11 by position.

import { ColumnType, columnDefs, type ColumnDef, type QueryResult, type Value } from '../protocol/result.js';
import type { ResultRow } from '../rows/row.js';
import { runAtOnce, runInTurns } from '../turns.js';

/** The 13 columns in goInception's order and wire types; Archery reads 0..11 by position. */
export const RESULT_COLUMNS: readonly ColumnDef[] = columnDefs(
  ['order_id', ColumnType.LONG], ['stage', ColumnType.STRING], ['error_level', ColumnType.SHORT],
  ['stage_status', ColumnType.STRING], ['error_message', ColumnType.STRING], ['sql', ColumnType.STRING],
  ['affected_rows', ColumnType.LONGLONG], ['sequence', ColumnType.STRING], ['backup_dbname', ColumnType.STRING],
  ['execute_time', ColumnType.STRING], ['sqlsha1', ColumnType.STRING], ['backup_time', ColumnType.STRING],
  ['needMerge', ColumnType.TINY],
);

/** Numbers the rows 1..n and turns them into one result set. */
export function rowsToResult(rows: ResultRow[]): QueryResult {
  return runAtOnce(resultSteps(rows));
}

/** The same, letting other connections run while a batch of many rows is converted (docs/security.md). */
export function rowsToResultInTurns(rows: ResultRow[]): Promise<QueryResult> {
  return runInTurns(resultSteps(rows));
}

function* resultSteps(rows: ResultRow[]): Generator<void, QueryResult, void> {
  const values: Value[][] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    if ((i & 1023) === 1023) yield;
    const row = rows[i]!;
    row.orderId = i + 1;
    values[i] = row.toValues();
  }
  return { kind: 'rows', columns: [...RESULT_COLUMNS], rows: values };
}
