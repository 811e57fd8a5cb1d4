// inceptor's plan warnings (docs/audit.md "Peer rules"): what the EXPLAIN run for affected_rows already says about
// the statement — a full scan (type ALL; or `index`, every entry of an index, which is how MariaDB shows an
// UPDATE/DELETE reading the whole clustered primary key), a sort without an index (`Using filesort`), a temporary table
// (`Using temporary`) — each off by default behind its own `[inc]` option, with its own peer code and level. No
// query of their own: without that EXPLAIN (an error on the row, new tables, `--real_row_count`) they say nothing.

import type { IncConfig } from '../config/config.js';
import { PeerCode } from '../codes/peer-codes.js';

/** What the checks read of one EXPLAIN row. */
export interface PlanStep {
  /** The `table` column: the table or alias as written, or `<derivedN>` / `<subqueryN>` / `<unionM,N>`. */
  table: string;
  type: string;
  extra: string;
  rows: number;
}

export function planStepsOf(plan: readonly Record<string, unknown>[]): PlanStep[] {
  return plan.map((p) => {
    const rows = Number(p.rows ?? 0);
    return { table: String(p.table ?? ''), type: String(p.type ?? ''), extra: String(p.Extra ?? p.extra ?? ''), rows: Number.isFinite(rows) ? rows : 0 };
  });
}

/** Whether any plan warning is on (the plan is then kept with the estimate). */
export function planChecksOn(inc: Readonly<IncConfig>): boolean {
  return inc.check_dml_full_scan || inc.check_dml_filesort || inc.check_dml_temporary;
}

const FULL_SCANS: ReadonlySet<string> = new Set(['ALL', 'INDEX']);

/** The warnings of a plan, in plan order, each row's full scan first: `[code, args]`. */
export function planFindings(steps: readonly PlanStep[], inc: Readonly<IncConfig>): [number, unknown[]][] {
  const out: [number, unknown[]][] = [];
  for (const s of steps) {
    // a derived table or subquery result is scanned whole by design; its own tables are rows of the plan too
    if (inc.check_dml_full_scan && FULL_SCANS.has(s.type.toUpperCase()) && !s.table.startsWith('<')) out.push([PeerCode.ErrPlanFullScan, [s.table, s.rows]]);
    if (inc.check_dml_filesort && /\bUsing filesort\b/i.test(s.extra)) out.push([PeerCode.ErrPlanFilesort, [s.table]]);
    if (inc.check_dml_temporary && /\bUsing temporary\b/i.test(s.extra)) out.push([PeerCode.ErrPlanTemporary, [s.table]]);
  }
  return out;
}
