// The 13 column names of the audit/execute result set (docs/results.md), as the tests state the wire contract:
// written out here on purpose, not taken from src/batch/result-set.ts, so a change of the real columns fails them.
export const RESULT_COLUMN_NAMES = ['order_id', 'stage', 'error_level', 'stage_status', 'error_message', 'sql', 'affected_rows',
  'sequence', 'backup_dbname', 'execute_time', 'sqlsha1', 'backup_time', 'needMerge'] as const;
