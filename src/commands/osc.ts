// The OSC commands (docs/result-modes.md, "OSC commands"): progress and control of pt-osc/gh-ost tasks.
// Online schema change is not built yet, so no task ever exists: every command answers as for a sqlsha1 that
// matches nothing. The columns are the wire contract clients read by name (INFOMATION is spelled so on purpose).

import { ColumnType, columnDefs, ER, mysqlError, type ColumnDef, type QueryResult } from '../protocol/result.js';
import type { LocalCommand } from './types.js';

export const OSC_NOT_FOUND_MESSAGE = 'osc process not found';

export const OSC_PROCESSLIST_COLUMNS: readonly ColumnDef[] = columnDefs(
  ['DBNAME', ColumnType.STRING], ['TABLENAME', ColumnType.STRING], ['COMMAND', ColumnType.STRING], ['SQLSHA1', ColumnType.STRING],
  ['PERCENT', ColumnType.LONG], ['REMAINTIME', ColumnType.STRING], ['INFOMATION', ColumnType.STRING],
);

/** `get osc_percent` answers the processlist's columns less COMMAND. */
export const OSC_PERCENT_COLUMNS: readonly ColumnDef[] = OSC_PROCESSLIST_COLUMNS.filter((c) => c.name !== 'COMMAND');

export function showOscProcesslist(): QueryResult {
  return { kind: 'rows', columns: [...OSC_PROCESSLIST_COLUMNS], rows: [] };
}

export function showOscPercent(_cmd: Extract<LocalCommand, { kind: 'osc_percent' }>): QueryResult {
  return {
    kind: 'rows',
    columns: [...OSC_PERCENT_COLUMNS],
    rows: [],
    warnings: [{ level: 'Warning', code: ER.UNKNOWN.code, message: OSC_NOT_FOUND_MESSAGE }],
  };
}

export function controlOsc(_cmd: Extract<LocalCommand, { kind: 'osc_control' }>): never {
  throw mysqlError(ER.UNKNOWN, OSC_NOT_FOUND_MESSAGE);
}
