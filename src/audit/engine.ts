// The audit engine (docs/audit.md): for each statement, refusals, then the resolve phase, then every rule of the
// statement kind in any order; their messages are sorted by the declared message order (order.ts) and written
// to the row around the affected_rows estimate; then the statement's snapshot changes. Gates and levels are
// applied here, never in rules. SQL problems end up as messages on the row; only programming errors throw.

import type { IncConfig } from '../config/config.js';
import type { Level, ResultRow } from '../rows/row.js';
import { databaseNameOf, tablesOf, type TableName } from '../sql/ast.js';
import type { ParsedStatement, StatementKind } from '../sql/statement.js';
import { Code, codeDef, formatCode, levelOf } from './catalogue.js';
import { applySnapshotEffects } from './effects.js';
import { estimateAffectedRows, type FingerprintCache } from './estimate.js';
import { StatementFacts } from './facts.js';
import { ESTIMATE, RESOLVE, rankOf, type Rank } from './order.js';
import { DEFAULT_REAL_ROW_COUNT_TIMEOUT_MS } from './real-count.js';
import { resolveStatement } from './resolve.js';
import type { Rule, RuleContext } from './rule.js';
import { RULES } from './rules/index.js';
import type { AuditServerInfo, AuditSettings, ExplainRunner, SqlRunner } from './runner.js';
import { MetadataError, SchemaSnapshot, quoteIdent, type TableInfo } from './snapshot.js';

export type { AuditServerInfo, AuditSettings, ExplainRunner, SqlRunner } from './runner.js';

export interface Auditor {
  readonly snapshot: SchemaSnapshot;
  readonly currentDb: string | null;
  /**
   * Audits one statement onto its row (messages, level, affected_rows estimate). With an EXPLAIN pool, an
   * UPDATE/DELETE's row may be completed later (its EXPLAIN in flight): `settle` waits for every such row.
   */
  audit(stmt: ParsedStatement, row: ResultRow): Promise<void>;
  /** Resolves when every row audited so far is complete (rethrows a programming error of a pipelined row). */
  settle(): Promise<void>;
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
  /** Rule set by id (tests pass their own); defaults to the registry. */
  rules?: ReadonlyMap<string, Rule>;
  /** Execute mode (`--execute=1`): DROP TABLE then gets no TABLE_ROWS estimate (docs/audit.md). Default: check mode. */
  execute?: boolean;
  /**
   * `--real_row_count=true`: affected_rows of UPDATE/DELETE/INSERT … SELECT by COUNT(*) on the target
   * (docs/audit.md).
   */
  realRowCount?: boolean;
  /** Statement timeout of that COUNT (default DEFAULT_REAL_ROW_COUNT_TIMEOUT_MS); past it EXPLAIN is used. */
  realRowCountTimeoutMs?: number;
  /**
   * Sessions for pipelined EXPLAINs (docs/audit.md "Pipelined EXPLAIN"): an UPDATE/DELETE's EXPLAIN runs there
   * while the next statements are audited; its row is completed in statement order. Absent: one at a time.
   */
  explainPool?: ExplainRunner | null;
  /** `--fingerprint`: the fingerprint cache is on even when `enable_fingerprint` is off (docs/audit.md). */
  fingerprint?: boolean;
}

/** EXPLAINs in flight at most (beyond it the oldest is waited for). */
const MAX_PIPELINED = 12;

/** The level a code gets under the settings (0: dropped) and its text in the session language. */
function rendered(settings: AuditSettings, code: number, args: readonly unknown[]): { level: Level; text: string } {
  const def = codeDef(code);
  return {
    level: def ? levelOf(def, settings.levels) : 2,
    text: formatCode(code, args, settings.inc.lang),
  };
}

/** Adds `code` with `args` to `row` at the level the settings give it. */
export function reportCode(row: ResultRow, settings: AuditSettings, code: number, args: readonly unknown[]): void {
  const { level, text } = rendered(settings, code, args);
  row.addMessage(level, text);
}

/** Statement kinds whose snapshot effects exist (src/audit/effects.ts). */
const SCHEMA_CHANGING: ReadonlySet<StatementKind> = new Set<StatementKind>([
  'create_database', 'drop_database', 'create_table', 'create_view', 'drop_table', 'drop_view', 'rename_table',
  'alter_table', 'create_index', 'drop_index',
]);

/** A message waiting for its place: coded (already formatted) or free text. */
interface Pending {
  section: number;
  item: number;
  place: number;
  seq: number;
  level: Level;
  text: string;
  free: boolean;
}

/** Rules of one kind, with their rank in the declared order, refusals apart. */
interface KindRules {
  refusals: readonly { id: string; rule: Rule }[];
  checks: readonly { id: string; rule: Rule; rank: Rank }[];
}

/** The item of messages about the statement as a whole: before those about its columns, indexes or specs. */
const STATEMENT = -1;

/** Rank of entries a kind's order does not list: after everything it lists (a unit test keeps this unused). */
const UNLISTED: Rank = { section: Number.MAX_SAFE_INTEGER, place: 0 };

export function createAuditor(opts: AuditorOptions): Auditor {
  return new Engine(opts);
}

class Engine implements Auditor {
  readonly snapshot: SchemaSnapshot;
  private db: string | null;
  private readonly rowTables = new Map<ResultRow, TableInfo>();
  private readonly rules: ReadonlyMap<string, Rule>;
  private readonly rulesByKind = new Map<StatementKind, KindRules>();
  /** The database the target session is in (USE is sent only for databases that exist there). */
  private targetDb: string | null;
  /** Rows whose EXPLAIN is in flight, oldest first. */
  private readonly inFlight: Promise<void>[] = [];
  private pool: Promise<ExplainRunner | null> | null = null;
  private readonly fingerprints: FingerprintCache = new Map();
  /** Statements audited so far in this batch (RuleContext.ordinal). */
  private audited = 0;

  constructor(private readonly opts: AuditorOptions) {
    this.snapshot = new SchemaSnapshot(opts.target, opts.serverInfo.lowerCaseTableNames);
    this.db = opts.initialDb;
    this.targetDb = opts.initialDb;
    this.rules = opts.rules ?? RULES;
  }

  async settle(): Promise<void> {
    while (this.inFlight.length > 0) await this.inFlight.shift();
  }

  /** The EXPLAIN pool once open; null without one or when it could not be opened. */
  private explainPool(): Promise<ExplainRunner | null> {
    const pool = this.opts.explainPool;
    if (!pool) return Promise.resolve(null);
    this.pool ??= pool.ready().then((ok) => (ok ? pool : null));
    return this.pool;
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
    // UPDATE/DELETE change nothing the next statements are audited against: their EXPLAIN may still be in flight.
    const pipelined = (stmt.kind === 'update' || stmt.kind === 'delete') && !this.opts.realRowCount ? await this.explainPool() : null;
    if (pipelined) {
      while (this.inFlight.length >= MAX_PIPELINED) await this.inFlight.shift();
    } else if (this.inFlight.length > 0) {
      await this.settle();
    }
    const { settings } = this.opts;
    const inc: Readonly<IncConfig> = settings.inc;
    const db = this.db;
    const snapshot = this.snapshot;
    const dbOf = (ref: { db: string | null }) => ref.db ?? db;
    const table = (ref: TableName | { db: string | null; name: string }) => {
      const refDb = ref.db ?? db;
      return refDb === null ? Promise.resolve(null) : snapshot.table(refDb, ref.name);
    };
    const [first] = tablesOf(stmt);
    const facts = new StatementFacts(stmt, { dbOf, table }, first ?? null);
    const kindRules = this.rulesFor(stmt.kind);

    const pending: Pending[] = [];
    let rank: Rank = UNLISTED;
    const push = (item: number, level: Level, text: string, free: boolean) => {
      if (level > 0) pending.push({ section: rank.section, item, place: rank.place, seq: pending.length, level, text, free });
    };
    const pushCode = (item: number, code: number, args: readonly unknown[]): Level => {
      const r = rendered(settings, code, args);
      push(item, r.level, r.text, false);
      return r.level;
    };
    let code: number | null = null;
    const codeOfRule = () => {
      if (code === null) throw new Error('free-text rule called report()');
      return code;
    };
    // One context per statement; `report` raises the code of the rule being run (no per-rule allocation: a
    // batch of 10k INSERTs runs ~15 rules each).
    const ctx: RuleContext = {
      inc,
      serverInfo: this.opts.serverInfo,
      currentDb: db,
      ordinal: ++this.audited,
      facts,
      report: (...args: unknown[]) => void pushCode(STATEMENT, codeOfRule(), args),
      reportAt: (item: number, ...args: unknown[]) => void pushCode(item, codeOfRule(), args),
      reportWithLevelOf: (item: number, other: number, ...args: unknown[]) => {
        const r = rendered(settings, codeOfRule(), args);
        const otherDef = codeDef(other);
        const level = otherDef ? (Math.max(r.level, levelOf(otherDef, settings.levels)) as Level) : r.level;
        push(item, level, r.text, false);
      },
      error: (text: string) => push(STATEMENT, 2, text, true),
      warn: (text: string) => push(STATEMENT, 1, text, true),
      errorAt: (item: number, text: string) => push(item, 2, text, true),
      dbOf,
      table,
      partitions: (t: TableInfo) => snapshot.partitions(t.db, t.name),
      foreignKeys: (fkDb: string) => snapshot.foreignKeys(fkDb),
    };
    const flush = (upTo: Rank | null) => {
      const ready = upTo ? pending.filter((p) => before(p, upTo)) : pending.splice(0);
      if (upTo) for (const p of ready) pending.splice(pending.indexOf(p), 1);
      ready.sort(byPlace);
      for (const p of ready) {
        if (p.free) row.addText(p.level as 1 | 2, p.text);
        else row.addMessage(p.level, p.text);
      }
    };

    let ended = false;
    try {
      for (const { rule } of kindRules.refusals) {
        if (rule.gate && !rule.gate(inc)) continue;
        code = rule.code;
        const reported = pending.length;
        await rule.check(stmt, ctx);
        if (pending.length > reported) ended = true;
      }
      if (!ended) {
        rank = rankOf(stmt.kind, RESOLVE) ?? UNLISTED;
        const resolution = await resolveStatement(stmt, {
          facts,
          snapshot,
          dbOf,
          table,
          report: (c, ...args) => pushCode(STATEMENT, c, args),
          error: (text) => push(STATEMENT, 2, text, true),
        });
        ended = resolution === 'end';
        for (const { rule, rank: ruleRank } of kindRules.checks) {
          if (ended && !before(ruleRank, rank)) continue;
          if (rule.gate && !rule.gate(inc)) continue;
          code = rule.code;
          rank = ruleRank;
          const running = rule.check(stmt, ctx);
          if (running) await running; // most rules are synchronous: no microtask hop for them
        }
      }
      // Messages ranked before the estimate go first: the estimate skips EXPLAIN when they already block.
      const estimateRank = rankOf(stmt.kind, ESTIMATE) ?? UNLISTED;
      flush(estimateRank);
      await this.recordTable(stmt, row, dbOf);
      // Estimates read the tables as they were before this statement (ALTER … RENAME, DROP change them).
      rank = estimateRank;
      const targetDb = this.targetDb;
      const estimating = estimateAffectedRows(stmt, row, {
        runner: pipelined ? { query: (sql, params) => (params ? Promise.reject(new Error('EXPLAIN takes no parameters')) : pipelined.query(sql, targetDb)) } : this.opts.target,
        snapshot,
        inc,
        facts,
        dbOf,
        report: (c, args) => void pushCode(STATEMENT, c, args),
        execute: this.opts.execute ?? false,
        fingerprints: this.opts.fingerprint || inc.enable_fingerprint ? this.fingerprints : null,
        realRowCount: this.opts.realRowCount
          ? { serverInfo: this.opts.serverInfo, timeoutMs: this.opts.realRowCountTimeoutMs ?? DEFAULT_REAL_ROW_COUNT_TIMEOUT_MS }
          : null,
      });
      if (estimating && pipelined) {
        const completing = estimating.then(
          () => flush(null),
          (err: unknown) => {
            flush(null);
            if (!(err instanceof MetadataError)) throw err;
            row.addText(2, err.message);
          },
        );
        completing.catch(() => undefined); // a programming error surfaces from settle(), not as an unhandled rejection
        this.inFlight.push(completing);
        return;
      }
      if (estimating) await estimating;
      flush(null);
      if (!ended && SCHEMA_CHANGING.has(stmt.kind)) await applySnapshotEffects(stmt, snapshot, dbOf);
      if (!ended && stmt.kind === 'use') await this.applyUse(stmt);
    } catch (err) {
      flush(null);
      if (err instanceof MetadataError) {
        row.addText(2, err.message);
        return;
      }
      throw err;
    }
  }

  private rulesFor(kind: StatementKind): KindRules {
    let found = this.rulesByKind.get(kind);
    if (!found) {
      const refusals: { id: string; rule: Rule }[] = [];
      const checks: { id: string; rule: Rule; rank: Rank }[] = [];
      for (const [id, rule] of this.rules) {
        if (!rule.on.includes(kind)) continue;
        if (rule.refuses) refusals.push({ id, rule });
        else checks.push({ id, rule, rank: rankOf(kind, id) ?? UNLISTED });
      }
      found = { refusals, checks };
      this.rulesByKind.set(kind, found);
    }
    return found;
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
        this.targetDb = db;
      } catch (err) {
        throw new MetadataError(String((err as { sqlMessage?: string; message?: string }).sqlMessage ?? (err as Error).message), null);
      }
    }
  }
}

/** Whether a message or rank sorts before `rank` (section first, then place). */
function before(a: Rank, rank: Rank): boolean {
  return a.section < rank.section || (a.section === rank.section && a.place < rank.place);
}

function byPlace(a: Pending, b: Pending): number {
  return a.section - b.section || a.item - b.item || a.place - b.place || a.seq - b.seq;
}
