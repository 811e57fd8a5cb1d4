// CHECKING (docs/stages.md, docs/batch.md, docs/commands.md#processlist, docs/kill.md): parse and audit statement by
// statement onto rows, apply in-batch `inception set`, and stop after the statement being audited when KILL fires.

import { setImmediate as nextTurn } from 'node:timers/promises';
import { MysqlError } from '../../protocol/result.js';
import type { ParsedStatement } from '../../sql/statement.js';
import type { BatchContext, BatchStage } from '../context.js';
import { BEGIN_TWICE_MESSAGE, MUST_END_MESSAGE, type BatchEnd, type BatchItem } from '../plan.js';
import { KILLED_MESSAGE, ResultRow } from '../../rows/row.js';
import { renderRemoteOutput } from '../show-output.js';

/** The auditor as this stage uses it (src/audit/engine.ts `Auditor`). */
export interface StatementAuditor {
  /** Synchronous (no promise) when the statement needed nothing from the target. */
  audit(stmt: ParsedStatement, row: ResultRow): Promise<void> | void;
  /** Waits for rows whose EXPLAIN is still in flight (pipelined UPDATE/DELETE). */
  settle(): Promise<void>;
  reportNotSupported(row: ResultRow): void;
}

/** Applies an in-batch `inception set` to the batch's settings; throws MysqlError when it is refused. */
export type SessionSetter = (item: Extract<BatchItem, { kind: 'set' }>) => Promise<void>;

export type CheckOutcome = { kind: 'ended'; end: BatchEnd } | { kind: 'killed' };

/**
 * Auditing statements whose metadata is cached is pure CPU (parsing dominates), so a long batch would hold the
 * event loop and make KILL and processlist from other clients wait for the whole batch. Give other connections a
 * turn after this much uninterrupted work.
 */
const MAX_BUSY_MS = 10;

export async function runCheckStage(
  ctx: BatchContext,
  items: Generator<BatchItem, BatchEnd, void>,
  auditor: StatementAuditor,
  applySet: SessionSetter,
): Promise<CheckOutcome> {
  const { rows, process: entry, options } = ctx;
  const signal = entry.signal;
  const total = Math.max(1, ctx.statementCount);
  let seen = 0;
  let busySince = performance.now();
  for (;;) {
    if (performance.now() - busySince >= MAX_BUSY_MS) {
      await nextTurn();
      busySince = performance.now();
    }
    const next = items.next();
    if (next.done) {
      await auditor.settle();
      appendEndRow(rows, next.value);
      return { kind: 'ended', end: next.value };
    }
    const item = next.value;
    seen++;
    if (item.kind === 'set') {
      try {
        await auditor.settle(); // rows in flight were audited under the settings before this one
        await applySet(item);
      } catch (err) {
        if (!(err instanceof MysqlError)) throw err;
        const row = newRow(rows, item.piece.text, null);
        row.addText(2, err.message);
      }
      continue;
    }
    // Only execution and backup read a row's statement: a check-only batch does not keep 10k parsed trees alive
    // until it answers (they would survive every young-generation collection meanwhile).
    const row = newRow(rows, item.piece.text, options.execute ? item.statement : null);
    entry.progress(item.piece.text, (seen / total) * 100);
    const auditing = auditor.audit(item.statement, row);
    if (auditing) await auditing;
    // In execute mode a SELECT can never run (docs/audit.md), so it blocks the batch at audit time.
    if (options.execute && item.statement.kind === 'select') auditor.reportNotSupported(row);
    if (item.statement.kind === 'show' || item.statement.kind === 'explain') await renderRemoteOutput(row, ctx.target, Boolean(ctx.settings.inc.hex_blob));
    if (signal.aborted) {
      await auditor.settle();
      row.addText(2, KILLED_MESSAGE);
      return { kind: 'killed' };
    }
  }
}

/**
 * CHECKING as a batch stage: the batch goes on to execution only when it ended with a commit in execute mode.
 * `release` frees what only the audit needs (the EXPLAIN pool's extra target sessions) when checking ends, so a long
 * execution does not hold idle sessions on the target.
 */
export function checkStage(items: Generator<BatchItem, BatchEnd, void>, applySet: SessionSetter, release: () => Promise<void>): BatchStage {
  return {
    name: 'CHECKING',
    async run(ctx) {
      let outcome: CheckOutcome;
      try {
        outcome = await runCheckStage(ctx, items, ctx.auditor, applySet);
      } finally {
        await release();
      }
      ctx.outcomes.CHECKING = outcome.kind === 'ended' ? outcome.end.kind : outcome.kind;
      return outcome.kind === 'ended' && outcome.end.kind === 'commit' && ctx.options.execute;
    },
  };
}

function newRow(rows: ResultRow[], sql: string, statement: ParsedStatement | null): ResultRow {
  const row = new ResultRow(sql, statement);
  row.seqNo = rows.length;
  rows.push(row);
  return row;
}

/** The row that reports how the batch ended, when it did not end with a commit (docs/batch.md). */
function appendEndRow(rows: ResultRow[], end: BatchEnd): void {
  switch (end.kind) {
    case 'commit':
      return;
    case 'missing_commit': {
      const row = newRow(rows, '', null);
      row.stage = 'RERUN';
      row.addText(2, MUST_END_MESSAGE);
      return;
    }
    case 'parse_error': {
      const row = newRow(rows, end.text, null);
      row.stage = 'RERUN';
      row.addMessage(2, end.message);
      return;
    }
    case 'begin_twice': {
      const row = newRow(rows, end.text, null);
      row.addText(2, BEGIN_TWICE_MESSAGE);
      return;
    }
  }
}
