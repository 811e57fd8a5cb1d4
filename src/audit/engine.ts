// The audit engine (docs/audit.md): for each statement, refusals, then the resolve phase, then every rule of the
// statement kind in any order; their messages are sorted by the declared message order (order.ts) and written
// to the row around the affected_rows estimate; then the statement's snapshot changes. Gates and levels are
// applied here, never in rules. SQL problems end up as messages on the row; only programming errors throw.

import type { IncConfig } from '../config/config.js';
import type { Level, ResultRow } from '../rows/row.js';
import { databaseNameOf, tablesOf, type TableName } from '../sql/ast.js';
import type { ParsedStatement, StatementKind } from '../sql/statement.js';
import { Code, codeDef, formatCode, levelOf } from '../codes/catalogue.js';
import { applySnapshotEffects } from './effects.js';
import { estimateAffectedRows, estimateInsertValues, type FingerprintCache } from './estimate.js';
import { StatementFacts } from './facts.js';
import { ESTIMATE, PLAN, RESOLVE, rankOf, type Rank } from './order.js';
import { DEFAULT_REAL_ROW_COUNT_TIMEOUT_MS } from './real-count.js';
import { resolveStatement } from './resolve.js';
import type { Rule, RuleContext } from './rule.js';
import { RULES } from './rules/index.js';
import type { AuditServerInfo, AuditSettings, ExplainRunner, SqlRunner } from './runner.js';
import type { TableLookup } from './resolver.js';
import { MetadataError, SchemaSnapshot, quoteIdent, type ForeignKeyInfo, type PartitionInfo, type TableInfo } from './snapshot.js';

export type { AuditServerInfo, AuditSettings, ExplainRunner, SqlRunner } from './runner.js';

export interface Auditor {
  readonly snapshot: SchemaSnapshot;
  readonly currentDb: string | null;
  /**
   * Audits one statement onto its row (messages, level, affected_rows estimate). With an EXPLAIN pool, an
   * UPDATE/DELETE's row may be completed later (its EXPLAIN in flight): `settle` waits for every such row.
   */
  audit(stmt: ParsedStatement, row: ResultRow): Promise<void> | void;
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
  /** `--ignore-warnings`: without it (execute mode) a warning blocks, and EXPLAIN is skipped as for an error. Default on. */
  ignoreWarnings?: boolean;
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
  checks: readonly RankedRule[];
  /** `checks` without the rules that read only queries: for INSERT … VALUES of literals (StatementFacts.plainValues). */
  plainValueChecks: readonly RankedRule[];
}

interface RankedRule {
  id: string;
  rule: Rule;
  rank: Rank;
}

/** The item of messages about the statement as a whole: before those about its columns, indexes or specs. */
const STATEMENT = -1;

/** Rank of entries a kind's order does not list: after everything it lists (a unit test keeps this unused). */
const UNLISTED: Rank = { section: Number.MAX_SAFE_INTEGER, place: 0 };

/** Kinds whose row remembers the table layout it was audited against (Auditor.tableFor). */
const RECORDED: ReadonlySet<StatementKind> = new Set<StatementKind>(['insert', 'replace', 'update', 'delete', 'alter_table', 'drop_table', 'truncate_table']);

/** `next(value)`, synchronously unless `value` is a promise (the audit of most statements makes none). */
function then<T, R>(value: T | Promise<T>, next: (v: T) => R | Promise<R>): R | Promise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

interface Lookup extends TableLookup {
  dbOf(ref: { db: string | null }): string | null;
  table(ref: TableName | { db: string | null; name: string }): Promise<TableInfo | null>;
}

/** How a statement's names resolve while `db` is the current database. */
function lookupIn(db: string | null, snapshot: SchemaSnapshot): Lookup {
  return {
    dbOf: (ref) => ref.db ?? db,
    table: (ref) => {
      const refDb = ref.db ?? db;
      return refDb === null ? Promise.resolve(null) : snapshot.table(refDb, ref.name);
    },
  };
}

/**
 * One statement's audit: the context its rules get (one object per statement, no closure per rule) and the
 * messages they reported, waiting for their place in the declared order.
 */
class StatementAudit implements RuleContext {
  readonly inc: Readonly<IncConfig>;
  readonly currentDb: string | null;
  readonly dbOf: Lookup['dbOf'];
  readonly table: Lookup['table'];
  /** The code `report` raises: the rule being run's. */
  code: number | null = null;
  /** Where what is reported now sorts. */
  rank: Rank = UNLISTED;
  /** A refusal reported or the resolve phase ended the statement. */
  ended = false;
  private readonly pending: Pending[] = [];

  constructor(
    private readonly settings: AuditSettings,
    readonly serverInfo: AuditServerInfo,
    lookup: Lookup,
    private readonly snapshot: SchemaSnapshot,
    readonly facts: StatementFacts,
    readonly row: ResultRow,
    readonly ordinal: number,
  ) {
    this.inc = settings.inc;
    this.currentDb = lookup.dbOf({ db: null });
    this.dbOf = lookup.dbOf;
    this.table = lookup.table;
  }

  /** Runs the refusals from `i` on; any report ends the statement (a kind has at most one refusal). */
  refuse(stmt: ParsedStatement, refusals: KindRules['refusals'], i: number): Promise<void> | void {
    for (; i < refusals.length; i++) {
      const { rule } = refusals[i]!;
      if (rule.gate && !rule.gate(this.inc)) continue;
      this.code = rule.code;
      const reported = this.pending.length;
      const next = i + 1;
      return then(rule.check(stmt, this), () => {
        if (this.pending.length > reported) this.ended = true;
        return this.refuse(stmt, refusals, next);
      });
    }
  }

  /** Runs the checks from `i` on, one after the other; once the statement ended, only those ranked before the current rank. */
  check(stmt: ParsedStatement, checks: readonly RankedRule[], i: number): Promise<void> | void {
    for (; i < checks.length; i++) {
      const { rule, rank } = checks[i]!;
      if (this.ended && !before(rank, this.rank)) continue;
      if (rule.gate && !rule.gate(this.inc)) continue;
      this.code = rule.code;
      this.rank = rank;
      const running = rule.check(stmt, this);
      if (running) {
        const next = i + 1;
        return running.then(() => this.check(stmt, checks, next));
      }
    }
  }

  report(...args: unknown[]): void {
    this.pushCode(STATEMENT, this.ruleCode(), args);
  }

  reportAt(item: number, ...args: unknown[]): void {
    this.pushCode(item, this.ruleCode(), args);
  }

  reportWithLevelOf(item: number, other: number, ...args: unknown[]): void {
    const r = rendered(this.settings, this.ruleCode(), args);
    const otherDef = codeDef(other);
    const level = otherDef ? (Math.max(r.level, levelOf(otherDef, this.settings.levels)) as Level) : r.level;
    this.push(item, level, r.text, false);
  }

  error(text: string): void {
    this.push(STATEMENT, 2, text, true);
  }

  warn(text: string): void {
    this.push(STATEMENT, 1, text, true);
  }

  errorAt(item: number, text: string): void {
    this.push(item, 2, text, true);
  }

  partitions(t: TableInfo): Promise<readonly PartitionInfo[]> {
    return this.snapshot.partitions(t.db, t.name);
  }

  foreignKeys(fkDb: string): Promise<readonly ForeignKeyInfo[]> {
    return this.snapshot.foreignKeys(fkDb);
  }

  private ruleCode(): number {
    if (this.code === null) throw new Error('free-text rule called report()');
    return this.code;
  }

  push(item: number, level: Level, text: string, free: boolean): void {
    if (level > 0) this.pending.push({ section: this.rank.section, item, place: this.rank.place, seq: this.pending.length, level, text, free });
  }

  pushCode(item: number, code: number, args: readonly unknown[]): Level {
    const r = rendered(this.settings, code, args);
    this.push(item, r.level, r.text, false);
    return r.level;
  }

  /** Writes the messages ranked before `upTo` (all of them: null) to the row, in the declared order. */
  flush(upTo: Rank | null): void {
    const pending = this.pending;
    if (pending.length === 0) return;
    const ready = upTo ? pending.filter((p) => before(p, upTo)) : pending.splice(0);
    if (upTo) for (const p of ready) pending.splice(pending.indexOf(p), 1);
    ready.sort(byPlace);
    for (const p of ready) {
      if (p.free) this.row.addText(p.level as 1 | 2, p.text);
      else this.row.addMessage(p.level, p.text);
    }
  }
}

export function createAuditor(opts: AuditorOptions): Auditor {
  return new Engine(opts);
}

class Engine implements Auditor {
  readonly snapshot: SchemaSnapshot;
  private db: string | null;
  /** Names resolved against the current database (a new one after each USE: rows in flight keep theirs). */
  private lookup: Lookup;
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
    this.lookup = lookupIn(this.db, this.snapshot);
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
    return row.auditedLayout as TableInfo | null;
  }

  reportNotSupported(row: ResultRow): void {
    reportCode(row, this.opts.settings, Code.ER_NOT_SUPPORTED_YET, []);
  }

  audit(stmt: ParsedStatement, row: ResultRow): Promise<void> | void {
    // UPDATE/DELETE change nothing the next statements are audited against: their EXPLAIN may still be in flight.
    if ((stmt.kind === 'update' || stmt.kind === 'delete') && !this.opts.realRowCount) return this.auditPipelined(stmt, row);
    if (this.inFlight.length > 0) return this.settle().then(() => this.auditWith(stmt, row, null));
    return this.auditWith(stmt, row, null);
  }

  private async auditPipelined(stmt: ParsedStatement, row: ResultRow): Promise<void> {
    const pipelined = await this.explainPool();
    if (pipelined) {
      while (this.inFlight.length >= MAX_PIPELINED) await this.inFlight.shift();
    } else if (this.inFlight.length > 0) {
      await this.settle();
    }
    await this.auditWith(stmt, row, pipelined);
  }

  /**
   * The phases of one statement. Synchronous as long as nothing needs the target (a batch of 10k INSERTs into a
   * table already loaded makes no promise per statement); from the first promise on, the rest follows it.
   */
  private auditWith(stmt: ParsedStatement, row: ResultRow, pipelined: ExplainRunner | null): Promise<void> | void {
    const [first] = tablesOf(stmt);
    const facts = new StatementFacts(stmt, this.lookup, first ?? null);
    const run = new StatementAudit(this.opts.settings, this.opts.serverInfo, this.lookup, this.snapshot, facts, row, ++this.audited);
    const fail = (err: unknown) => {
      run.flush(null);
      if (!(err instanceof MetadataError)) throw err;
      row.addText(2, err.message);
    };
    try {
      const done = this.phases(stmt, run, pipelined);
      if (done) return done.catch(fail);
    } catch (err) {
      fail(err);
    }
  }

  private phases(stmt: ParsedStatement, run: StatementAudit, pipelined: ExplainRunner | null): Promise<void> | void {
    const kindRules = this.rulesFor(stmt.kind);
    return then(run.refuse(stmt, kindRules.refusals, 0), () => {
      if (run.ended) return this.afterChecks(stmt, run, pipelined);
      run.rank = rankOf(stmt.kind, RESOLVE) ?? UNLISTED;
      const resolution = resolveStatement(stmt, {
        facts: run.facts,
        snapshot: this.snapshot,
        dbOf: run.dbOf,
        table: run.table,
        report: (c, ...args) => run.pushCode(STATEMENT, c, args),
        error: (text) => run.push(STATEMENT, 2, text, true),
      });
      return then(resolution, (r) => {
        run.ended = r === 'end';
        const checks = run.facts.plainValues ? kindRules.plainValueChecks : kindRules.checks;
        return then(run.check(stmt, checks, 0), () => this.afterChecks(stmt, run, pipelined));
      });
    });
  }

  /** The estimate and the snapshot changes, once every rule has reported. */
  private afterChecks(stmt: ParsedStatement, run: StatementAudit, pipelined: ExplainRunner | null): Promise<void> | void {
    const row = run.row;
    // Messages ranked before the estimate go first: the estimate skips EXPLAIN when they already block.
    const estimateRank = rankOf(stmt.kind, ESTIMATE) ?? UNLISTED;
    run.flush(estimateRank);
    return then(this.recordTable(stmt, row, run.facts), () => {
      // Estimates read the tables as they were before this statement (ALTER … RENAME, DROP change them).
      run.rank = estimateRank;
      const { inc } = this.opts.settings;
      const targetDb = this.targetDb;
      const report = (c: number, args: unknown[]) => void run.pushCode(STATEMENT, c, args);
      const estimating = estimateInsertValues(stmt, row, inc, report) ? undefined : estimateAffectedRows(stmt, row, {
        runner: pipelined ? { query: (sql, params) => (params ? Promise.reject(new Error('EXPLAIN takes no parameters')) : pipelined.query(sql, targetDb)) } : this.opts.target,
        snapshot: this.snapshot,
        inc,
        facts: run.facts,
        dbOf: run.dbOf,
        report,
        reportPlan: (c, args) => {
          run.rank = rankOf(stmt.kind, PLAN) ?? UNLISTED;
          run.pushCode(STATEMENT, c, args);
          run.rank = estimateRank;
        },
        execute: this.opts.execute ?? false,
        ignoreWarnings: this.opts.ignoreWarnings ?? true,
        fingerprints: this.opts.fingerprint || inc.enable_fingerprint ? this.fingerprints : null,
        realRowCount: this.opts.realRowCount
          ? { serverInfo: this.opts.serverInfo, timeoutMs: this.opts.realRowCountTimeoutMs ?? DEFAULT_REAL_ROW_COUNT_TIMEOUT_MS }
          : null,
      });
      if (estimating && pipelined) {
        const completing = estimating.then(
          () => run.flush(null),
          (err: unknown) => {
            run.flush(null);
            if (!(err instanceof MetadataError)) throw err;
            row.addText(2, err.message);
          },
        );
        completing.catch(() => undefined); // a programming error surfaces from settle(), not as an unhandled rejection
        this.inFlight.push(completing);
        return;
      }
      return then(estimating, () => {
        run.flush(null);
        if (run.ended) return;
        if (SCHEMA_CHANGING.has(stmt.kind)) return applySnapshotEffects(stmt, this.snapshot, run.dbOf);
        if (stmt.kind === 'use') return this.applyUse(stmt);
      });
    });
  }

  private rulesFor(kind: StatementKind): KindRules {
    let found = this.rulesByKind.get(kind);
    if (!found) {
      const refusals: { id: string; rule: Rule }[] = [];
      const checks: RankedRule[] = [];
      for (const [id, rule] of this.rules) {
        if (!rule.on.includes(kind)) continue;
        if (rule.refuses) refusals.push({ id, rule });
        else checks.push({ id, rule, rank: rankOf(kind, id) ?? UNLISTED });
      }
      found = { refusals, checks, plainValueChecks: checks.filter(({ rule }) => !rule.queriesOnly) };
      this.rulesByKind.set(kind, found);
    }
    return found;
  }

  /** Remembers the layout of the statement's (first) table as audited, before this statement changes it. */
  private recordTable(stmt: ParsedStatement, row: ResultRow, facts: StatementFacts): Promise<void> | void {
    if (!RECORDED.has(stmt.kind)) return;
    const first = facts.targetRef;
    const db = first ? facts.lookup.dbOf(first) : null;
    if (!first || db === null) return;
    const record = (info: TableInfo | null) => {
      if (info) row.auditedLayout = info;
    };
    const known = this.snapshot.knownTable(db, first.name);
    return known === undefined ? this.snapshot.table(db, first.name).then(record) : record(known);
  }

  /** USE: the batch's current database changes; the target follows when it has that database. */
  private async applyUse(stmt: ParsedStatement): Promise<void> {
    if (stmt.kind !== 'use') return;
    const db = databaseNameOf(stmt);
    if (db === null) return;
    this.db = db;
    this.lookup = lookupIn(db, this.snapshot);
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
