// What is known about one statement while it is audited (docs/audit.md "Facts"): one object per statement,
// created by the engine, filled by the resolve phase (the statement's own table) and computed lazily for the
// rest (the name analysis of queries, the replayed ALTER findings, the CREATE TABLE shape). Every rule that
// needs one of these reads it here, so each is computed at most once per statement, and never outlives it.

import { tableChangesOf } from '../sql/alter-actions.js';
import { createTableOf, insertColumnsOf, insertRowsOf, querySelectOf, type CreateTableShape } from '../sql/ast.js';
import type { ParsedStatement } from '../sql/statement.js';
import { alterFindings, type AlterFindings } from './alter-check.js';
import { analyseQuery, isLiteral, type QueryAnalysis, type TableLookup } from './resolver.js';
import type { TableInfo } from './snapshot.js';

const UNSET = Symbol('unset');

export class StatementFacts {
  private targetTable: TableInfo | null | typeof UNSET = UNSET;
  private shape: CreateTableShape | null | typeof UNSET = UNSET;
  private analysisPromise: Promise<QueryAnalysis> | null = null;
  private alterPromise: Promise<{ table: TableInfo; findings: AlterFindings } | null> | null = null;

  constructor(
    readonly stmt: ParsedStatement,
    private readonly lookup: TableLookup,
    /** The first table of `tablesOf(stmt)`, when the statement names one. */
    private readonly targetRef: { db: string | null; name: string } | null,
  ) {}

  /** Set by the resolve phase once it has looked the statement's own table up. */
  setTarget(table: TableInfo | null): void {
    this.targetTable = table;
  }

  /** The statement's own (first) table as the batch sees it; null when missing or when it names none. */
  async target(): Promise<TableInfo | null> {
    if (this.targetTable === UNSET) this.targetTable = this.targetRef ? await this.lookup.table(this.targetRef) : null;
    return this.targetTable;
  }

  /** CREATE TABLE's columns, indexes and options (null for other statements). */
  get createTable(): CreateTableShape | null {
    if (this.shape === UNSET) this.shape = createTableOf(this.stmt);
    return this.shape;
  }

  /**
   * Whether the statement has names to resolve. INSERT … VALUES with only literals has none, so query rules
   * skip it synchronously (large INSERT batches).
   */
  get hasNames(): boolean {
    const stmt = this.stmt;
    if (stmt.kind !== 'insert' && stmt.kind !== 'replace') return true;
    if (querySelectOf(stmt)) return true;
    const rows = insertRowsOf(stmt);
    return rows !== null && !rows.every((r) => r.every(isLiteral));
  }

  /** Tables, columns and structure of the statement's queries (src/audit/resolver.ts), resolved once. */
  analysis(): Promise<QueryAnalysis> {
    this.analysisPromise ??= analyseQuery(this.stmt, this.lookup);
    return this.analysisPromise;
  }

  /** Runs `use` with the analysis, or returns at once when the statement has no names to resolve. */
  withAnalysis(use: (analysis: QueryAnalysis) => void): Promise<void> | void {
    if (!this.hasNames) return;
    return this.analysis().then(use);
  }

  /** ALTER TABLE / CREATE INDEX / DROP INDEX changes replayed over the table (null when the table is missing). */
  alter(): Promise<{ table: TableInfo; findings: AlterFindings } | null> {
    this.alterPromise ??= this.target().then((table) => (table ? { table, findings: alterFindings(table, tableChangesOf(this.stmt)) } : null));
    return this.alterPromise;
  }

  /** How many values an INSERT must supply per row: its column list, else every column of the table. */
  async insertWidth(): Promise<number | null> {
    const listed = insertColumnsOf(this.stmt);
    if (listed) return listed.length;
    const table = await this.target();
    return table ? table.columns.length : null;
  }
}
