// affected_rows at audit time (docs/audit.md) and the row-count limits that depend on it:
// INSERT VALUES counts its rows (ER_INSERT_TOO_MUCH_ROWS); UPDATE/DELETE and INSERT … SELECT ask the target's
// EXPLAIN when the row does not block and no table read is new in this batch (for a new INSERT target, the SELECT
// alone) (ER_UDPATE_TOO_MUCH_ROWS for UPDATE/DELETE); ALTER TABLE / CREATE INDEX / DROP INDEX / TRUNCATE, and DROP TABLE in check mode, take
// information_schema TABLE_ROWS (ER_CHANGE_TOO_MUCH_ROWS for ALTER and DROP). With `--real_row_count` the
// UPDATE/DELETE/INSERT … SELECT rows are counted instead (src/audit/real-count.ts), EXPLAIN being the fallback.

import type { Level, ResultRow } from '../rows/row.js';
import { scanShape } from '../sql/shape-cache.js';
import { insertRowsOf, insertSelectOf, tablesOf, type TableName } from '../sql/ast.js';
import type { ParsedStatement } from '../sql/statement.js';
import { Code, codeDef, formatCode } from '../codes/catalogue.js';
import { planChecksOn, planFindings, planStepsOf, type PlanStep } from './plan-checks.js';
import { insertSelectText } from './count-rewrite.js';
import { realRowCount } from './real-count.js';
import type { IncConfig } from '../config/config.js';
import type { StatementFacts } from './facts.js';
import type { AuditServerInfo, SqlRunner } from './runner.js';
import type { SchemaSnapshot, TableInfo } from './snapshot.js';

export interface EstimateContext {
  runner: SqlRunner;
  snapshot: SchemaSnapshot;
  inc: Readonly<IncConfig>;
  /** The statement's facts (its query analysis is shared with the rules). */
  facts: StatementFacts;
  dbOf: (ref: { db: string | null }) => string | null;
  /** Raises a catalogue code on the row at its configured level. */
  report: (code: number, args: unknown[]) => void;
  /** Raises a plan warning (src/audit/plan-checks.ts) at its configured level, in its place after the peer rules. */
  reportPlan?: (code: number, args: unknown[]) => void;
  /** Execute mode (DROP TABLE is only estimated in check mode). */
  execute: boolean;
  /** `--ignore-warnings` (check mode forces it on); off, a warning blocks like an error. Default on. */
  ignoreWarnings?: boolean;
  /** `--real_row_count=true`: COUNT the rows on the target, bounded by `timeoutMs`; absent → EXPLAIN only. */
  realRowCount?: { serverInfo: AuditServerInfo; timeoutMs: number } | null;
  /** The batch's fingerprint cache when `enable_fingerprint` or `--fingerprint` is on (see FingerprintCache). */
  fingerprints?: FingerprintCache | null;
}

/**
 * What an EXPLAIN left on its row (docs/audit.md "Fingerprint cache"): the estimate, and the EXPLAIN-phase messages
 * (the EXPLAIN's error, the too-many-rows warning at its built-in level) as one block at their highest level.
 */
export interface FingerprintEntry {
  affectedRows: number;
  level: Level;
  text: string;
  /** The plan, kept when a plan warning was on: a later statement of the fingerprint gets its warnings too. */
  plan: readonly PlanStep[] | null;
}

/** Fingerprint → the first EXPLAIN's entry (a promise: with pipelined EXPLAIN it may still be in flight). */
export type FingerprintCache = Map<string, Promise<FingerprintEntry | null>>;

/**
 * The statement's fingerprint: its shape (src/sql/shape-cache.ts, every literal a `?`) with whitespace runs folded
 * to one space and letters folded to lower case; null for text the shape scanner leaves alone (always EXPLAINed).
 */
export function fingerprintOf(text: string): string | null {
  const scan = scanShape(text);
  return scan ? scan.key.replace(/\u0000[a-z]/g, '?').replace(/\s+/g, ' ').trim().toLowerCase() : null;
}

/** Whether the row already blocks execution, so the target is not asked (goInception skips EXPLAIN then). */
function blocks(row: ResultRow, ctx: EstimateContext): boolean {
  return row.errorLevel >= (ctx.ignoreWarnings === false ? 1 : 2);
}

function limitOf(n: number): number {
  return Number.isFinite(n) && n > 0 ? n : 0;
}

async function tableOf(ctx: EstimateContext, ref: TableName | undefined): Promise<TableInfo | null> {
  const db = ref ? ctx.dbOf(ref) : null;
  return ref && db !== null ? ctx.snapshot.table(db, ref.name) : null;
}

/** Synchronous for INSERT VALUES (the bulk of large batches); a promise when the target is asked. */
export function estimateAffectedRows(stmt: ParsedStatement, row: ResultRow, ctx: EstimateContext): Promise<void> | void {
  if (estimateInsertValues(stmt, row, ctx.inc, ctx.report)) return;
  return estimateFromTarget(stmt, row, ctx);
}

/** INSERT … VALUES: its row count, and the max_insert_rows check; false for every other statement. */
export function estimateInsertValues(stmt: ParsedStatement, row: ResultRow, inc: Readonly<IncConfig>, report: EstimateContext['report']): boolean {
  if (stmt.kind !== 'insert' && stmt.kind !== 'replace') return false;
  const rows = insertRowsOf(stmt);
  if (!rows) return false;
  row.affectedRows = rows.length;
  const max = limitOf(inc.max_insert_rows);
  if (max > 0 && rows.length > max) report(Code.ER_INSERT_TOO_MUCH_ROWS, [rows.length, max]);
  return true;
}

async function estimateFromTarget(stmt: ParsedStatement, row: ResultRow, ctx: EstimateContext): Promise<void> {
  switch (stmt.kind) {
    case 'insert':
    case 'replace': {
      const select = insertSelectOf(stmt) as { from?: unknown } | null;
      if (!select || blocks(row, ctx)) return;
      const analysis = await ctx.facts.analysis();
      const target = await tableOf(ctx, tablesOf(stmt)[0]);
      if (analysis.usesNewTables || analysis.missingTables.length > 0 || !target) return;
      // A target the server cannot see yet (created or given columns in this batch): goInception EXPLAINs the SELECT.
      const newTarget = target.isNew || target.hasNewColumns;
      const explained = newTarget ? insertSelectText(stmt.text) : stmt.text;
      if (explained === null) return;
      const counted = newTarget ? null : await countedRows(stmt, ctx, analysis.outputWidth);
      if (counted !== null) {
        row.affectedRows = counted;
        return;
      }
      const noFrom = !(Array.isArray(select.from) && select.from.length > 0);
      await explainWithFingerprint(stmt, row, ctx, async () => {
        const { rows: estimate, plan } = await explainRows(ctx.runner, explained, ctx.inc.explain_rule, row, ctx.inc);
        row.affectedRows = estimate === 0 && noFrom ? 1 : estimate;
        return { raised: null, plan };
      });
      return;
    }
    case 'update':
    case 'delete': {
      if (blocks(row, ctx)) return;
      for (const t of tablesOf(stmt)) {
        const info = await tableOf(ctx, t);
        if (!info || info.isNew || info.hasNewColumns) return;
      }
      const max = limitOf(ctx.inc.max_update_rows);
      const counted = await countedRows(stmt, ctx, null);
      if (counted !== null) {
        row.affectedRows = counted;
        if (max > 0 && counted > max) ctx.report(Code.ER_UDPATE_TOO_MUCH_ROWS, [counted, max]);
        return;
      }
      await explainWithFingerprint(stmt, row, ctx, async () => {
        const { rows, plan } = await explainRows(ctx.runner, stmt.text, ctx.inc.explain_rule, row, ctx.inc);
        row.affectedRows = rows;
        if (!(max > 0 && row.affectedRows > max)) return { raised: null, plan };
        ctx.report(Code.ER_UDPATE_TOO_MUCH_ROWS, [row.affectedRows, max]);
        // cached at the code's built-in level, whatever [inc_level] says (docs/audit.md "Fingerprint cache")
        const raised = { level: codeDef(Code.ER_UDPATE_TOO_MUCH_ROWS)!.defaultLevel, text: formatCode(Code.ER_UDPATE_TOO_MUCH_ROWS, [row.affectedRows, max], ctx.inc.lang) };
        return { raised, plan };
      });
      return;
    }
    case 'alter_table':
    case 'create_index':
    case 'drop_index':
    case 'truncate_table': {
      const info = await tableOf(ctx, tablesOf(stmt)[0]);
      if (!info || info.isNew) return;
      const rows = await tableRows(ctx.runner, info, row);
      if (rows === null) return;
      row.affectedRows = rows;
      const max = limitOf(ctx.inc.max_ddl_affect_rows);
      if (stmt.kind === 'alter_table' && max > 0 && rows > max) ctx.report(Code.ER_CHANGE_TOO_MUCH_ROWS, ['Alter', rows, max]);
      return;
    }
    case 'drop_table': {
      if (ctx.execute) return;
      const max = limitOf(ctx.inc.max_ddl_affect_rows);
      let total = 0;
      for (const t of tablesOf(stmt)) {
        const info = await tableOf(ctx, t);
        if (!info || info.isNew) continue;
        const rows = await tableRows(ctx.runner, info, row);
        if (rows === null) continue;
        total += rows;
        if (max > 0 && rows > max) ctx.report(Code.ER_CHANGE_TOO_MUCH_ROWS, ['Drop', rows, max]);
      }
      row.affectedRows = total;
      return;
    }
    default:
      return;
  }
}

/** What an EXPLAIN step leaves besides affected_rows: the too-many-rows message it raised, and the plan. */
interface Explained {
  raised: { level: Level; text: string } | null;
  plan: readonly PlanStep[] | null;
}

/**
 * Runs `explain` (which sets affected_rows and returns the too-many-rows message it raised, if any, and the plan),
 * or, with the fingerprint cache on and a statement of the same fingerprint EXPLAINed before in the batch, copies
 * that statement's affected_rows and EXPLAIN-phase messages (one free-text block at their level) instead. Either
 * way the plan's warnings follow, at their configured levels.
 */
async function explainWithFingerprint(stmt: ParsedStatement, row: ResultRow, ctx: EstimateContext, explain: () => Promise<Explained>): Promise<void> {
  const cache = ctx.fingerprints;
  const key = cache ? fingerprintOf(stmt.text) : null;
  if (!cache || key === null) {
    reportPlan(ctx, (await explain()).plan);
    return;
  }
  const earlier = cache.get(key);
  const hit = earlier ? await earlier : null;
  if (hit) {
    row.affectedRows = hit.affectedRows;
    if (hit.text !== '' && hit.level > 0) row.addText(hit.level as 1 | 2, hit.text);
    reportPlan(ctx, hit.plan);
    return;
  }
  const before = row.messages.length;
  const recording = explain().then(({ raised, plan }): FingerprintEntry => {
    // the EXPLAIN's own error went onto the row; the too-many-rows message is in the engine's queue until flushed
    const parts = row.messages.slice(before).map((text) => ({ level: 2 as Level, text }));
    if (raised) parts.push(raised);
    const level = parts.reduce<Level>((m, p) => (p.level > m ? p.level : m), 0);
    return { affectedRows: row.affectedRows, level, text: parts.map((p) => p.text).join('\n').trim(), plan };
  });
  if (!earlier) cache.set(key, recording.catch(() => null));
  reportPlan(ctx, (await recording).plan);
}

function reportPlan(ctx: EstimateContext, plan: readonly PlanStep[] | null): void {
  if (!plan || !ctx.reportPlan) return;
  for (const [code, args] of planFindings(plan, ctx.inc)) ctx.reportPlan(code, args);
}

/** The real row count when `--real_row_count` is on and the target could count; null → EXPLAIN. */
function countedRows(stmt: ParsedStatement, ctx: EstimateContext, selectWidth: number | null): Promise<number | null> | null {
  const real = ctx.realRowCount;
  if (!real) return null;
  return realRowCount(stmt, {
    runner: ctx.runner,
    // The pipeline passes the target's full ServerInfo, whose `isMariaDb` the rewrite reads when present.
    server: real.serverInfo,
    timeoutMs: real.timeoutMs,
    selectWidth,
  });
}

/** information_schema TABLE_ROWS of a table on the target (an estimate for InnoDB); null when not found. */
export async function tableRows(runner: SqlRunner, table: TableInfo, row: ResultRow): Promise<number | null> {
  try {
    const rows = await runner.query<{ TABLE_ROWS: unknown }>(
      'SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?',
      [table.db, table.name],
    );
    if (rows.length === 0) return null;
    const n = Number(rows[0]!.TABLE_ROWS ?? 0);
    return Number.isFinite(n) ? n : 0;
  } catch (err) {
    const e = err as { sqlMessage?: string; message?: string };
    row.addText(2, String(e.sqlMessage ?? e.message ?? err));
    return null;
  }
}

/**
 * `EXPLAIN <sql>` → rows of the first plan row (`first`) or the largest (`max`), and the plan when a plan warning
 * is on (src/audit/plan-checks.ts); errors go on the row.
 */
async function explainRows(runner: SqlRunner, sql: string, rule: string, row: ResultRow, inc: Readonly<IncConfig>): Promise<{ rows: number; plan: PlanStep[] | null }> {
  let plan: Record<string, unknown>[];
  try {
    plan = await runner.query(`EXPLAIN ${sql}`);
  } catch (err) {
    const e = err as { sqlMessage?: string; message?: string };
    row.addText(2, String(e.sqlMessage ?? e.message ?? err));
    return { rows: 0, plan: null };
  }
  const steps = planChecksOn(inc) ? planStepsOf(plan) : null;
  const counts = plan.map((p) => Number(p.rows ?? 0)).map((n) => (Number.isFinite(n) ? n : 0));
  if (counts.length === 0) return { rows: 0, plan: steps };
  return { rows: rule.toLowerCase() === 'max' ? Math.max(...counts) : counts[0]!, plan: steps };
}
