// affected_rows at audit time (reference-behaviour §3.16): INSERT VALUES counts its rows; UPDATE/DELETE ask the
// target's EXPLAIN when the row has no error and no table involved is new in this batch.

import type { ResultRow } from '../batch/row.js';
import { insertRowsOf, tablesOf } from '../sql/ast.js';
import type { ParsedStatement } from '../sql/statement.js';
import type { SqlRunner } from './runner.js';
import type { SchemaSnapshot } from './snapshot.js';

export interface EstimateContext {
  runner: SqlRunner;
  snapshot: SchemaSnapshot;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  inc: Record<string, any>;
  dbOf: (ref: { db: string | null }) => string | null;
}

export async function estimateAffectedRows(stmt: ParsedStatement, row: ResultRow, ctx: EstimateContext): Promise<void> {
  switch (stmt.kind) {
    case 'insert':
    case 'replace': {
      const rows = insertRowsOf(stmt);
      if (rows) row.affectedRows = rows.length;
      return;
    }
    case 'update':
    case 'delete': {
      if (row.errorLevel >= 2) return;
      for (const t of tablesOf(stmt)) {
        const db = ctx.dbOf(t);
        const info = db === null ? null : await ctx.snapshot.table(db, t.name);
        if (!info || info.isNew || info.hasNewColumns) return;
      }
      row.affectedRows = await explainRows(ctx.runner, stmt.text, String(ctx.inc.explain_rule ?? 'first'), row);
      return;
    }
    default:
      return;
  }
}

/** `EXPLAIN <sql>` → rows of the first plan row (`first`) or the largest (`max`); errors go on the row. */
export async function explainRows(runner: SqlRunner, sql: string, rule: string, row: ResultRow): Promise<number> {
  let plan: Record<string, unknown>[];
  try {
    plan = await runner.query(`EXPLAIN ${sql}`);
  } catch (err) {
    const e = err as { sqlMessage?: string; message?: string };
    row.addText(2, String(e.sqlMessage ?? e.message ?? err));
    return 0;
  }
  const counts = plan.map((p) => Number(p.rows ?? 0)).map((n) => (Number.isFinite(n) ? n : 0));
  if (counts.length === 0) return 0;
  return rule.toLowerCase() === 'max' ? Math.max(...counts) : counts[0]!;
}
