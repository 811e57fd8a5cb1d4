// The audit engine: runs the registered rules for each statement in registry order, applies gates and levels
// (docs/audit.md), then the statement's snapshot changes and the affected_rows estimate (docs/audit.md).
// SQL problems end up as messages on the row; only programming errors throw.

import type { ResultRow } from '../rows/row.js';
import { databaseNameOf, tablesOf, type TableName } from '../sql/ast.js';
import type { ParsedStatement, StatementKind } from '../sql/statement.js';
import { Code, codeDef, formatCode, levelOf } from './catalogue.js';
import { applySnapshotEffects } from './effects.js';
import { estimateAffectedRows } from './estimate.js';
import { DEFAULT_REAL_ROW_COUNT_TIMEOUT_MS } from './real-count.js';
import type { Rule, RuleContext } from './rule.js';
import { RULES } from './rules/index.js';
import type { AuditServerInfo, AuditSettings, SqlRunner } from './runner.js';
import { MetadataError, SchemaSnapshot, quoteIdent, type TableInfo } from './snapshot.js';

export type { AuditServerInfo, AuditSettings, SqlRunner } from './runner.js';

export interface Auditor {
  readonly snapshot: SchemaSnapshot;
  readonly currentDb: string | null;
  /** Audits one statement onto its row (messages, level, affected_rows estimate). */
  audit(stmt: ParsedStatement, row: ResultRow): Promise<void>;
  /** ER_NOT_SUPPORTED_YET at its configured level (SELECT in execute mode, docs/audit.md). */
  reportNotSupported(row: ResultRow): void;
  /** The table layout the row was audited against (DML and DDL on one table), for the backup stage. */
  tableFor(row: ResultRow): TableInfo | null;
}

export interface AuditorOptions {
  settings: AuditSettings;
  target: SqlRunner;
  initialDb: string | null;
  serverInfo: AuditServerInfo;
  /** Rule set (tests pass their own); defaults to the registry. */
  rules?: readonly Rule[];
  /** Execute mode (`--execute=1`): DROP TABLE then gets no TABLE_ROWS estimate (docs/audit.md). Default: check mode. */
  execute?: boolean;
  /**
   * `--real_row_count=true`: affected_rows of UPDATE/DELETE/INSERT … SELECT by COUNT(*) on the target
   * (docs/audit.md).
   */
  realRowCount?: boolean;
  /** Statement timeout of that COUNT (default DEFAULT_REAL_ROW_COUNT_TIMEOUT_MS); past it EXPLAIN is used. */
  realRowCountTimeoutMs?: number;
}

/** Adds `code` with `args` to `row` at the level the settings give it. */
export function reportCode(row: ResultRow, settings: AuditSettings, code: number, args: readonly unknown[]): void {
  const def = codeDef(code);
  if (!def) {
    row.addMessage(2, formatCode(code, args));
    return;
  }
  row.addMessage(levelOf(def, settings.levels), formatCode(code, args, String(settings.inc.lang ?? 'en-US')));
}

/** Statement kinds whose snapshot effects exist (src/audit/effects.ts). */
const SCHEMA_CHANGING: ReadonlySet<StatementKind> = new Set<StatementKind>([
  'create_database', 'drop_database', 'create_table', 'create_view', 'drop_table', 'drop_view', 'rename_table',
  'alter_table', 'create_index', 'drop_index',
]);

export function createAuditor(opts: AuditorOptions): Auditor {
  return new Engine(opts);
}

class Engine implements Auditor {
  readonly snapshot: SchemaSnapshot;
  private db: string | null;
  private readonly rowTables = new Map<ResultRow, TableInfo>();
  private readonly rules: readonly Rule[];
  private readonly rulesByKind = new Map<StatementKind, readonly Rule[]>();

  constructor(private readonly opts: AuditorOptions) {
    this.snapshot = new SchemaSnapshot(opts.target, opts.serverInfo.lowerCaseTableNames);
    this.db = opts.initialDb;
    this.rules = opts.rules ?? RULES;
  }

  get currentDb(): string | null {
    return this.db;
  }

  tableFor(row: ResultRow): TableInfo | null {
    return this.rowTables.get(row) ?? null;
  }

  reportNotSupported(row: ResultRow): void {
    reportCode(row, this.opts.settings, Code.ER_NOT_SUPPORTED_YET, []);
  }

  async audit(stmt: ParsedStatement, row: ResultRow): Promise<void> {
    const { settings } = this.opts;
    const inc = settings.inc;
    let stopped = false;
    let code: number | null = null;
    const db = this.db;
    const snapshot = this.snapshot;
    const dbOf = (ref: { db: string | null }) => ref.db ?? db;
    // One context per statement; `report` raises the code of the rule being run (no per-rule allocation: a
    // batch of 10k INSERTs runs ~15 rules each).
    const ctx: RuleContext = {
      inc,
      serverInfo: this.opts.serverInfo,
      snapshot,
      currentDb: db,
      row,
      report: (...args: unknown[]) => {
        if (code === null) throw new Error('free-text rule called report()');
        reportCode(row, settings, code, args);
      },
      error: (text: string) => row.addText(2, text),
      warn: (text: string) => row.addText(1, text),
      stop: () => {
        stopped = true;
      },
      hasError: () => row.errorLevel >= 2,
      dbOf,
      table: (ref: TableName | { db: string | null; name: string }) => {
        const refDb = ref.db ?? db;
        return refDb === null ? Promise.resolve(null) : snapshot.table(refDb, ref.name);
      },
    };
    try {
      for (const rule of this.rulesFor(stmt.kind)) {
        if (rule.gate && !rule.gate(inc)) continue;
        code = rule.code;
        const pending = rule.check(stmt, ctx);
        if (pending) await pending; // most rules are synchronous: no microtask hop for them
        if (stopped) break;
      }
      await this.recordTable(stmt, row, dbOf);
      // Estimates read the tables as they were before this statement (ALTER … RENAME, DROP change them).
      const estimating = estimateAffectedRows(stmt, row, {
        runner: this.opts.target,
        snapshot,
        inc,
        dbOf,
        report: (c, args) => reportCode(row, settings, c, args),
        execute: this.opts.execute ?? false,
        realRowCount: this.opts.realRowCount
          ? { serverInfo: this.opts.serverInfo, timeoutMs: this.opts.realRowCountTimeoutMs ?? DEFAULT_REAL_ROW_COUNT_TIMEOUT_MS }
          : null,
      });
      if (estimating) await estimating;
      if (!stopped && SCHEMA_CHANGING.has(stmt.kind)) await applySnapshotEffects(stmt, snapshot, dbOf);
      if (!stopped && stmt.kind === 'use') await this.applyUse(stmt);
    } catch (err) {
      if (err instanceof MetadataError) {
        row.addText(2, err.message);
        return;
      }
      throw err;
    }
  }

  private rulesFor(kind: StatementKind): readonly Rule[] {
    let list = this.rulesByKind.get(kind);
    if (!list) {
      list = this.rules.filter((r) => r.on.includes(kind));
      this.rulesByKind.set(kind, list);
    }
    return list;
  }

  /** Remembers the layout of the statement's (first) table as audited, before this statement changes it. */
  private async recordTable(stmt: ParsedStatement, row: ResultRow, dbOf: (ref: { db: string | null }) => string | null) {
    if (!['insert', 'replace', 'update', 'delete', 'alter_table', 'drop_table', 'truncate_table'].includes(stmt.kind)) return;
    const [first] = tablesOf(stmt);
    const db = first ? dbOf(first) : null;
    if (!first || db === null) return;
    const info = await this.snapshot.table(db, first.name);
    if (info) this.rowTables.set(row, info);
  }

  /** USE: the batch's current database changes; the target follows when it has that database. */
  private async applyUse(stmt: ParsedStatement): Promise<void> {
    if (stmt.kind !== 'use') return;
    const db = databaseNameOf(stmt);
    if (db === null) return;
    this.db = db;
    if ((await this.snapshot.databaseExists(db)) && !(await this.snapshot.databaseIsNew(db))) {
      try {
        await this.opts.target.query(`USE ${quoteIdent(db)}`);
      } catch (err) {
        throw new MetadataError(String((err as { sqlMessage?: string; message?: string }).sqlMessage ?? (err as Error).message), null);
      }
    }
  }
}
