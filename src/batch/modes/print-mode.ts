// `--enable-query-print`: one row per statement (including `use`) with the statement's TiDB-shaped tree
// (docs/result-modes.md, "Query print"). Needs nothing from the target.

import { ColumnType, columnDefs, type ColumnDef, type Value } from '../../protocol/result.js';
import type { ModeHandler } from './handler.js';
import { queryTreeOf } from './query-tree.js';
import { writtenText } from '../../sql/statement.js';

/** Columns of the query-print and masking result sets. */
export const PRINT_COLUMNS: readonly ColumnDef[] = columnDefs(
  ['id', ColumnType.LONG], ['statement', ColumnType.STRING], ['errlevel', ColumnType.LONG],
  ['query_tree', ColumnType.STRING], ['errmsg', ColumnType.STRING],
);

export interface PrintRow {
  statement: string;
  errlevel: 0 | 1 | 2;
  queryTree: string;
  errmsg: string | null;
}

/** Rows numbered 1..n in the 5-column layout. */
export function printRowsResult(rows: readonly PrintRow[]): { kind: 'rows'; columns: ColumnDef[]; rows: Value[][] } {
  return {
    kind: 'rows',
    columns: [...PRINT_COLUMNS],
    rows: rows.map((r, i) => [String(i + 1), r.statement, String(r.errlevel), r.queryTree, r.errmsg]),
  };
}

export function createPrintMode(): ModeHandler {
  const rows: PrintRow[] = [];
  return {
    statement: async (stmt) => {
      rows.push({ statement: writtenText(stmt), errlevel: 0, queryTree: JSON.stringify(queryTreeOf(stmt)), errmsg: null });
    },
    error: (sql, message) => {
      rows.push({ statement: sql, errlevel: 2, queryTree: '', errmsg: message });
    },
    result: () => printRowsResult(rows),
  };
}
