// EXECUTING (docs/stages.md): refusal rules, session pre-flight, then every row in order on the batch's one pinned
// target session, each wrapped by the other stages' hooks. Stops at the first failure; rows not reached keep their
// audit values. KILL is honoured between statements: the running one completes, then the loop stops. With
// `--trans=N`, DML runs in transactions of N statements on the same session; a failure rolls its transaction back.

import type { Settings } from '../config/settings.js';
import type { ProcessEntry } from '../process/registry.js';
import { KILLED_MESSAGE, maxLevel, StageStatus, type ResultRow } from '../rows/row.js';
import type { StatementKind } from '../sql/statement.js';
import { driverMessage, isConnectionLost, StatementNotSent, type TargetSession } from '../target/session.js';
import type { StatementHook, StatementResult } from './hooks.js';
import { abortableSleep, shouldSleepAfter } from './sleep.js';

/** What the loop reads of the batch (the batch's context is a superset). */
export interface ExecuteContext {
  options: { ignoreWarnings: boolean; sleep: number; sleepRows: number; db: string; trans?: number };
  rows: ResultRow[];
  target: TargetSession;
  settings: Pick<Settings, 'inc'>;
  process: ProcessEntry;
}

export const READ_ONLY_MESSAGE = '当前数据库为只读模式,无法执行!';
export const UNKNOWN_RESULT_MESSAGE = 'The execution result is unknown! Please confirm manually.';
/** The connection to the target was lost before a statement was sent: it did not run. */
export const NOT_SENT_MESSAGE = 'Lost the connection to the target before this statement was sent; it did not run';
export const NO_THREAD_ID_MESSAGE = '无法获取线程号';

/** Sent to the target during audit already (their output is the row); never executed. */
const SKIPPED_KINDS: ReadonlySet<StatementKind> = new Set(['show', 'explain']);
/** What `--trans=N` groups into transactions of N (docs/stages.md "--trans"). */
const GROUPED_KINDS: ReadonlySet<StatementKind> = new Set(['insert', 'replace', 'update', 'delete']);
/** Session statements that run inside an open transaction without ending it (and do not count towards N). */
const SESSION_KINDS: ReadonlySet<StatementKind> = new Set(['use', 'set']);

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

  // While statements run, a lost connection is never replaced behind their back (docs/kill.md, target side): a
  // KILL of inceptor's session on the target stops execution, and an open --trans transaction is not silently lost.
  target.pinConnection(true);
  try {
    const signal = entry.signal;
    const groupSize = (options.trans ?? 0) > 1 ? options.trans! : 0;
    /** The open transaction's rows that ran (null: none open), and how many of them count towards N. */
    let group: ResultRow[] | null = null;
    let grouped = 0;
    /** Ends the open transaction with COMMIT; false when the COMMIT failed (its rows say so). */
    const commit = async (): Promise<boolean> => {
      const members = group!;
      group = null;
      grouped = 0;
      try {
        await target.execute('COMMIT');
      } catch (err) {
        const unknown = isConnectionLost(err) || target.isClosed;
        failGroup(members, driverMessage(err), unknown);
        for (const hook of hooks) await hook.transactionEnd?.(members, false, unknown);
        return false;
      }
      for (const hook of hooks) await hook.transactionEnd?.(members, true);
      return true;
    };
    /** After a row (or a transaction ending with it): KILL, then the pause. null: go on. */
    const afterRow = async (i: number, row: ResultRow, sleepDue: boolean): Promise<ExecuteOutcome | null> => {
      if (signal.aborted) {
        row.addText(2, KILLED_MESSAGE, 'execute');
        return 'killed';
      }
      if (sleepDue && i < rows.length - 1) {
        await abortableSleep(options.sleep, signal);
        if (signal.aborted) {
          row.addText(2, KILLED_MESSAGE, 'execute');
          return 'killed';
        }
      }
      return null;
    };

    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const kind = row.statement?.kind;
      if (!kind || SKIPPED_KINDS.has(kind)) continue;
      entry.progress(row.sql, (i / rows.length) * 100);

      const joins = groupSize > 0 && (GROUPED_KINDS.has(kind) || (group !== null && SESSION_KINDS.has(kind)));
      if (!joins && group !== null) {
        const last = group[group.length - 1]!;
        const sleepDue = group.some((r) => shouldSleepAfter(r.seqNo, options.sleep, options.sleepRows));
        if (!(await commit())) return 'failed';
        const stop = await afterRow(last.seqNo, last, sleepDue);
        if (stop) return stop;
      }
      if (joins && group === null) {
        try {
          await target.execute('BEGIN');
        } catch (err) {
          row.stage = 'EXECUTED';
          row.stageStatus = StageStatus.EXECUTE_FAILED;
          row.addText(2, `${driverMessage(err)} (sql: BEGIN)`, 'execute');
          return 'failed';
        }
        group = [];
        for (const hook of hooks) await hook.transactionBegin?.();
      }

      for (const hook of hooks) await hook.before(row);
      const result = await executeRow(row, target, threadId, group === null);
      for (const hook of hooks) await hook.after(row, result);

      if (group !== null) {
        const members: ResultRow[] = group;
        members.push(row);
        if (!result.ok) {
          group = null;
          // A lost connection ends the transaction on the server without COMMIT: nothing of it stays.
          if (!result.connectionLost) await rollbackQuietly(target);
          failGroup(members, result.message, false);
          for (const hook of hooks) await hook.transactionEnd?.(members, false);
          return 'failed';
        }
        if (GROUPED_KINDS.has(kind)) grouped++;
        // KILL ends the transaction early: what ran commits, as it would have without --trans.
        if (grouped < groupSize && !signal.aborted && i < rows.length - 1) continue;
        const sleepDue = members.some((r) => shouldSleepAfter(r.seqNo, options.sleep, options.sleepRows));
        if (!(await commit())) return 'failed';
        const stop = await afterRow(i, row, sleepDue);
        if (stop) return stop;
        continue;
      }

      if (!result.ok) return 'failed';
      if (row.errorLevel === 2) return 'failed';
      const sleepDue = shouldSleepAfter(i, options.sleep, options.sleepRows);
      if (!signal.aborted && !sleepDue) continue; // the common case: no promise per row
      const stop = await afterRow(i, row, sleepDue);
      if (stop) return stop;
    }
    if (group !== null && !(await commit())) return 'failed';
    return 'completed';
  } finally {
    target.pinConnection(false);
  }
}

interface RowResult extends StatementResult {
  /** The driver's message when it failed. */
  message: string;
}

/**
 * Runs one row. Alone (`report`), a failure's message goes on the row; inside a transaction the caller reports it
 * on every row of the transaction (failGroup).
 */
async function executeRow(row: ResultRow, target: TargetSession, threadId: number, report: boolean): Promise<RowResult> {
  row.stage = 'EXECUTED';
  row.threadId = threadId;
  const t0 = performance.now();
  try {
    const result = await target.execute(row.sql);
    row.executeSeconds = result.seconds;
    row.affectedRows = result.affectedRows;
    row.execTimestamp = Math.floor(Date.now() / 1000);
    row.stageStatus = StageStatus.EXECUTE_OK;
    return { ok: true, connectionLost: false, message: '' };
  } catch (err) {
    row.executeSeconds ??= (performance.now() - t0) / 1000;
    row.execTimestamp = Math.floor(Date.now() / 1000);
    row.stageStatus = StageStatus.EXECUTE_FAILED;
    if (err instanceof StatementNotSent) {
      // Lost while idle between statements: this one was never sent, so its result is known (it did not run).
      const message = `${NOT_SENT_MESSAGE} (${err.message})`;
      if (report) row.addText(2, message, 'execute');
      return { ok: false, connectionLost: true, message, notSent: true };
    }
    const message = driverMessage(err);
    const connectionLost = isConnectionLost(err) || target.isClosed;
    if (report) {
      row.addText(2, message, 'execute');
      if (connectionLost) {
        row.affectedRows = 0;
        row.addText(2, UNKNOWN_RESULT_MESSAGE, 'execute');
      }
    }
    return { ok: false, connectionLost, message, errno: (err as { errno?: number }).errno };
  }
}

/**
 * A transaction that did not commit: every row of it that ran says `Execute failed` with the failure's message,
 * the first one prefixed `Execute: ` (docs/stages.md "--trans"), and changed nothing. `unknown`: the COMMIT itself
 * lost the connection, so whether it committed cannot be known.
 */
function failGroup(rows: readonly ResultRow[], message: string, unknown: boolean): void {
  rows.forEach((row, k) => {
    row.stageStatus = StageStatus.EXECUTE_FAILED;
    row.affectedRows = 0;
    row.addText(2, message, k === 0 ? 'execute' : 'audit');
    if (unknown) row.addText(2, UNKNOWN_RESULT_MESSAGE, 'audit');
  });
}

/** ROLLBACK after a failed statement; a failure here changes nothing (the server rolls back a dropped session). */
async function rollbackQuietly(target: TargetSession): Promise<void> {
  try {
    await target.execute('ROLLBACK');
  } catch {
    // the session is gone: its open transaction is rolled back by the server
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
