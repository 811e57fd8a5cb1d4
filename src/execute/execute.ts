// EXECUTING (docs/stages.md): refusal rules, session pre-flight, then every row in order on the batch's one pinned
// target session, each wrapped by the other stages' hooks. Stops at the first failure; rows not reached keep their
// audit values. KILL is honoured between statements: the running one completes, then the loop stops.

import type { Settings } from '../config/settings.js';
import type { ProcessEntry } from '../process/registry.js';
import { KILLED_MESSAGE, maxLevel, StageStatus, type ResultRow } from '../rows/row.js';
import type { StatementKind } from '../sql/statement.js';
import { driverMessage, isConnectionLost, type TargetSession } from '../target/session.js';
import type { StatementHook, StatementResult } from './hooks.js';
import { abortableSleep, shouldSleepAfter } from './sleep.js';

/** What the loop reads of the batch (the batch's context is a superset). */
export interface ExecuteContext {
  options: { ignoreWarnings: boolean; sleep: number; sleepRows: number; db: string };
  rows: ResultRow[];
  target: TargetSession;
  settings: Pick<Settings, 'inc'>;
  process: ProcessEntry;
}

export const READ_ONLY_MESSAGE = '当前数据库为只读模式,无法执行!';
export const UNKNOWN_RESULT_MESSAGE = 'The execution result is unknown! Please confirm manually.';
export const NO_THREAD_ID_MESSAGE = '无法获取线程号';

/** Sent to the target during audit already (their output is the row); never executed. */
const SKIPPED_KINDS: ReadonlySet<StatementKind> = new Set(['show', 'explain']);

export type ExecuteOutcome = 'refused' | 'aborted' | 'failed' | 'killed' | 'completed';

/** Execution is skipped when an error (or a warning without ignore_warnings) was found (docs/stages.md). */
export function executionRefused(rows: readonly ResultRow[], ignoreWarnings: boolean): boolean {
  const level = maxLevel(rows);
  return level === 2 || (level === 1 && !ignoreWarnings);
}

/**
 * Runs the rows. `preflights` are the other stages' checks on the target session, run after the loop's own and
 * before the first statement; the first message aborts execution on the first row. `hooks` wrap every statement.
 */
export async function runExecuteStage(
  ctx: ExecuteContext,
  preflights: readonly (() => Promise<string | null>)[] = [],
  hooks: readonly StatementHook[] = [],
): Promise<ExecuteOutcome> {
  const { rows, target, options, process: entry } = ctx;
  if (rows.length === 0 || executionRefused(rows, options.ignoreWarnings)) return 'refused';
  entry.setStage('EXECUTING');

  const first = rows[0]!;
  for (const check of [() => preflight(ctx), ...preflights]) {
    const message = await check();
    if (message) {
      first.addText(2, message);
      return 'aborted';
    }
  }
  let threadId: number;
  try {
    threadId = await target.threadId();
  } catch {
    first.addText(2, NO_THREAD_ID_MESSAGE);
    return 'aborted';
  }

  const signal = entry.signal;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const kind = row.statement?.kind;
    if (!kind || SKIPPED_KINDS.has(kind)) continue;
    entry.progress(row.sql, (i / rows.length) * 100);

    for (const hook of hooks) await hook.before(row);
    const result = await executeRow(row, target, threadId);
    for (const hook of hooks) await hook.after(row, result);
    if (!result.ok) return 'failed';
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

/** Runs one row; a failure's message is already on the row. */
async function executeRow(row: ResultRow, target: TargetSession, threadId: number): Promise<StatementResult> {
  row.stage = 'EXECUTED';
  row.threadId = threadId;
  const t0 = performance.now();
  try {
    const result = await target.execute(row.sql);
    row.executeSeconds = result.seconds;
    row.affectedRows = result.affectedRows;
    row.execTimestamp = Math.floor(Date.now() / 1000);
    row.stageStatus = StageStatus.EXECUTE_OK;
    return { ok: true, connectionLost: false };
  } catch (err) {
    row.executeSeconds ??= (performance.now() - t0) / 1000;
    row.execTimestamp = Math.floor(Date.now() / 1000);
    row.stageStatus = StageStatus.EXECUTE_FAILED;
    row.addText(2, driverMessage(err), 'execute');
    const connectionLost = isConnectionLost(err) || target.isClosed;
    if (connectionLost) {
      row.affectedRows = 0;
      row.addText(2, UNKNOWN_RESULT_MESSAGE, 'execute');
    }
    return { ok: false, connectionLost };
  }
}

/**
 * Before the first statement: read_only refusal, session timeouts, and the batch's initial database (the audit may
 * have moved the session with USE). Returns the message for the first row, or null.
 */
async function preflight(ctx: ExecuteContext): Promise<string | null> {
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
