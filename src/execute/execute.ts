// EXECUTING (docs/stages.md): refusal rules, session pre-flight, then every row in order on
// the batch's one pinned target session. Stops at the first failure; rows not reached keep their audit values.
// KILL is honoured between statements: the running one completes, then the loop stops.

import type { BatchContext } from '../batch/context.js';
import { KILLED_MESSAGE, maxLevel, StageStatus, type ResultRow } from '../rows/row.js';
import type { StatementKind } from '../sql/statement.js';
import { driverMessage, isConnectionLost, type TargetSession } from '../target/session.js';
import { abortableSleep, shouldSleepAfter } from './sleep.js';

export const READ_ONLY_MESSAGE = '当前数据库为只读模式,无法执行!';
export const UNKNOWN_RESULT_MESSAGE = 'The execution result is unknown! Please confirm manually.';
export const NO_THREAD_ID_MESSAGE = '无法获取线程号';

const DML_KINDS: ReadonlySet<StatementKind> = new Set(['insert', 'replace', 'update', 'delete']);
/** Sent to the target during audit already (their output is the row); never executed. */
const SKIPPED_KINDS: ReadonlySet<StatementKind> = new Set(['show', 'explain']);

export type ExecuteOutcome = 'refused' | 'aborted' | 'failed' | 'killed' | 'completed';

/** Execution is skipped when an error (or a warning without ignore_warnings) was found (docs/stages.md). */
export function executionRefused(rows: readonly ResultRow[], ignoreWarnings: boolean): boolean {
  const level = maxLevel(rows);
  return level === 2 || (level === 1 && !ignoreWarnings);
}

export async function runExecuteStage(ctx: BatchContext): Promise<ExecuteOutcome> {
  const { rows, target, options, process } = ctx;
  if (rows.length === 0 || executionRefused(rows, options.ignoreWarnings)) return 'refused';
  process.setStage('EXECUTING');

  const first = rows[0]!;
  const preflightError = await preflight(ctx);
  if (preflightError) {
    first.addText(2, preflightError);
    return 'aborted';
  }
  let threadId: number;
  try {
    threadId = await target.threadId();
  } catch {
    first.addText(2, NO_THREAD_ID_MESSAGE);
    return 'aborted';
  }

  const signal = process.signal;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const kind = row.statement?.kind;
    if (!kind || SKIPPED_KINDS.has(kind)) continue;
    process.progress(row.sql, (i / rows.length) * 100);

    const recordBinlog = options.backup && DML_KINDS.has(kind);
    const ok = await executeRow(row, target, threadId, recordBinlog);
    if (!ok) return 'failed';
    if (row.errorLevel === 2) return 'failed';

    if (signal.aborted) {
      row.addText(2, KILLED_MESSAGE, 'execute');
      return 'killed';
    }
    const isLast = i === rows.length - 1;
    if (!isLast && shouldSleepAfter(i, options.sleep, options.sleepRows)) {
      await abortableSleep(options.sleep, signal);
      if (signal.aborted) {
        row.addText(2, KILLED_MESSAGE, 'execute');
        return 'killed';
      }
    }
  }
  return 'completed';
}

/** Runs one row; returns false when it failed (the message is already on the row). */
async function executeRow(row: ResultRow, target: TargetSession, threadId: number, recordBinlog: boolean): Promise<boolean> {
  row.stage = 'EXECUTED';
  row.threadId = threadId;
  let start: Awaited<ReturnType<TargetSession['masterStatus']>> = null;
  const t0 = performance.now();
  try {
    if (recordBinlog) start = await target.masterStatus();
    const result = await target.execute(row.sql);
    row.executeSeconds = result.seconds;
    row.affectedRows = result.affectedRows;
    row.execTimestamp = Math.floor(Date.now() / 1000);
    row.stageStatus = StageStatus.EXECUTE_OK;
    if (recordBinlog && start) {
      const end = await target.masterStatus();
      if (end && (end.file !== start.file || end.position !== start.position)) {
        row.binlog = { startFile: start.file, startPos: start.position, endFile: end.file, endPos: end.position };
      }
    }
    return true;
  } catch (err) {
    row.executeSeconds ??= (performance.now() - t0) / 1000;
    row.execTimestamp = Math.floor(Date.now() / 1000);
    row.stageStatus = StageStatus.EXECUTE_FAILED;
    row.addText(2, driverMessage(err), 'execute');
    if (isConnectionLost(err) || target.isClosed) {
      row.affectedRows = 0;
      row.addText(2, UNKNOWN_RESULT_MESSAGE, 'execute');
    }
    return false;
  }
}

/**
 * Before the first statement (docs/stages.md): read_only refusal, session timeouts, binlog settings for backup, and the
 * batch's initial database (the audit may have moved the session with USE).
 * Returns the message for the first row, or null.
 */
async function preflight(ctx: BatchContext): Promise<string | null> {
  const { target, settings, options } = ctx;
  const inc = settings.inc;
  let sql = '';
  try {
    if (inc.check_read_only !== false) {
      sql = "SHOW VARIABLES LIKE 'read_only'";
      const value = await target.variable('read_only');
      if (value !== null && /^(on|1)$/i.test(value)) return READ_ONLY_MESSAGE;
    }
    const waitTimeout = Number(inc.wait_timeout ?? 0);
    if (waitTimeout > 0) {
      sql = `SET SESSION wait_timeout = ${Math.floor(waitTimeout)}`;
      await target.execute(sql);
    }
    const maxExecutionTime = Number(inc.max_execution_time ?? 0);
    if (maxExecutionTime > 0) {
      sql = statementTimeoutSql(target, maxExecutionTime);
      await target.execute(sql);
    }
    if (options.backup) {
      const format = await target.variable('binlog_format');
      if (format !== null && format.toUpperCase() !== 'ROW') {
        sql = "SET SESSION binlog_format = 'ROW'";
        await target.execute(sql);
      }
      const image = await target.variable('binlog_row_image');
      if (image !== null && image.toUpperCase() === 'MINIMAL') {
        sql = "SET SESSION binlog_row_image = 'FULL'";
        await target.execute(sql);
      }
    }
    if (options.db) {
      sql = `USE \`${options.db.replaceAll('`', '``')}\``;
      await target.execute(sql);
    }
    return null;
  } catch (err) {
    return `${driverMessage(err)} (sql: ${sql})`;
  }
}

/**
 * `max_execution_time` is configured in milliseconds (MySQL's unit). MySQL ≥ 5.7.8 has `max_execution_time`;
 * MariaDB's `max_statement_time` is in seconds; MySQL 5.7.4–5.7.7 called it `max_statement_time` (ms).
 */
export function statementTimeoutSql(target: Pick<TargetSession, 'serverInfo'>, ms: number): string {
  const info = target.serverInfo;
  if (info.isMariaDb) return `SET SESSION max_statement_time = ${(ms / 1000).toFixed(3)}`;
  if (info.versionNumber >= 50708) return `SET SESSION max_execution_time = ${Math.floor(ms)}`;
  return `SET SESSION max_statement_time = ${Math.floor(ms)}`;
}
