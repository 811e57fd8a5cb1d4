// What is known about one statement while it is audited (docs/audit.md "Facts"): one object per statement,
// created by the engine, filled by the resolve phase (the statement's own table) and computed lazily for the
// rest (the name analysis of queries, the replayed ALTER findings, the CREATE TABLE shape). Every rule that
// needs one of these reads it here, so each is computed at most once per statement, and never outlives it.

import { alterActionsOf, tableChangesOf, type AlterAction } from '../sql/alter-actions.js';
import {
  createTableOf,
  databaseNameOf,
  hasOnDuplicateKeyUpdate,
  insertColumnsOf,
  insertRowsOf,
  querySelectOf,
  renamePairsOf,
  type ColumnDefinition,
  type CreateTableShape,
} from '../sql/ast.js';
import type { ParsedStatement } from '../sql/statement.js';
import { alterFindings, type AlterFindings } from './alter-check.js';
import { keyFactsOf, type KeyFacts } from './key-checks.js';
import { analyseQuery, isLiteral, type QueryAnalysis, type TableLookup } from './resolver.js';
import type { TableInfo } from './snapshot.js';

const UNSET = Symbol('unset');

/** A column definition the statement writes: CREATE TABLE's columns, ALTER's ADD / MODIFY / CHANGE COLUMN. */
export interface ColumnWrite {
  /** Item for `ctx.reportAt`: the column's position in CREATE TABLE, the spec's position in ALTER TABLE. */
  at: number;
  op: 'create' | 'add' | 'modify' | 'change';
  column: ColumnDefinition;
  /** The table as the statement names it. */
  table: string;
  /** A primary key column: inline PRIMARY KEY, or listed in CREATE TABLE's PRIMARY KEY (…). */
  primaryKey: boolean;
}

/**
 * MODIFY / CHANGE COLUMN written with a qualifier that names another table: `db.t.c` whose schema is not the
 * table's (case-insensitive) gives ER_WRONG_DB_NAME, else `t.c` with another table name ER_WRONG_TABLE_NAME; the
 * column is then not checked further (docs/audit.md "Table rules").
 */
export function alterQualifierMismatch(table: TableInfo, column: ColumnDefinition): 'db' | 'table' | null {
  const q = column.model?.qualifier;
  if (!q) return null;
  if (q.db !== null && q.db.toLowerCase() !== table.db.toLowerCase()) return 'db';
  return q.name.toLowerCase() !== table.name.toLowerCase() ? 'table' : null;
}

/** A name the statement introduces, checked by the identifier rules; `at` -1 is the statement's own name. */
export interface NewIdentifier {
  at: number;
  name: string;
}

export class StatementFacts {
  private targetTable: TableInfo | null | typeof UNSET = UNSET;
  private shape: CreateTableShape | null | typeof UNSET = UNSET;
  private writes: readonly ColumnWrite[] | null = null;
  private names: readonly NewIdentifier[] | null = null;
  private named: boolean | null = null;
  private analysisPromise: Promise<QueryAnalysis> | null = null;
  private alterPromise: Promise<{ table: TableInfo; findings: AlterFindings } | null> | null = null;
  private keysPromise: Promise<KeyFacts | null> | null = null;
  /** How many ALTER TABLEs of this statement's table the batch had before it (set by the resolve phase). */
  earlierAlters = 0;

  constructor(
    readonly stmt: ParsedStatement,
    readonly lookup: TableLookup,
    /** The first table of `tablesOf(stmt)`, when the statement names one. */
    readonly targetRef: { db: string | null; name: string } | null,
  ) {}

  /** The statement's own table as it names it ('' when it names none). */
  get tableName(): string {
    return this.targetRef?.name ?? '';
  }

  /** Set by the resolve phase once it has looked the statement's own table up. */
  setTarget(table: TableInfo | null): void {
    this.targetTable = table;
  }

  /** The statement's own (first) table as the batch sees it; null when missing or when it names none. */
  async target(): Promise<TableInfo | null> {
    if (this.targetTable === UNSET) this.targetTable = this.targetRef ? await this.lookup.table(this.targetRef) : null;
    return this.targetTable;
  }

  /**
   * Runs `use` with the statement's own table: synchronously once it is known (after the resolve phase, for DML),
   * so rules on large batches of one table make no promise per statement.
   */
  withTarget<T>(use: (table: TableInfo | null) => T): T | Promise<T> {
    if (this.targetTable !== UNSET) return use(this.targetTable);
    return this.target().then(use);
  }

  /** CREATE TABLE's columns, indexes and options (null for other statements). */
  get createTable(): CreateTableShape | null {
    if (this.shape === UNSET) this.shape = createTableOf(this.stmt);
    return this.shape;
  }

  /**
   * The column definitions the statement writes, in written order. An ADD COLUMN of a column the table already
   * has is left out: it gets ER_COLUMN_EXISTED instead of the field checks, as in goInception.
   */
  async columnWrites(): Promise<readonly ColumnWrite[]> {
    if (this.writes === null) {
      const all = columnWritesOf(this.stmt, this.createTable, this.tableName);
      const existing = await this.existingAdds();
      const skipped = await this.skippedSpecs();
      this.writes =
        existing.size === 0 && skipped.size === 0
          ? all
          : all.filter((w) => !(w.op === 'add' && existing.has(`${w.at}:${w.column.name.toLowerCase()}`)) && !skipped.has(w.at));
    }
    return this.writes;
  }

  /**
   * The names the statement introduces: CREATE TABLE's table and columns, ADD COLUMN names (not of columns that
   * exist), the new name of CHANGE (when it changes) and RENAME COLUMN, CREATE DATABASE's name, RENAME TABLE
   * targets' schemas.
   */
  async newIdentifiers(): Promise<readonly NewIdentifier[]> {
    if (this.names === null) {
      const all = newIdentifiersOf(this.stmt, this.createTable);
      const existing = await this.existingAdds();
      const skipped = await this.skippedSpecs();
      this.names =
        existing.size === 0 && skipped.size === 0 ? all : all.filter((n) => !existing.has(`${n.at}:${n.name.toLowerCase()}`) && !skipped.has(n.at));
    }
    return this.names;
  }

  /** ALTER specs whose MODIFY / CHANGE column names another table or schema: skipped after that message. */
  async skippedSpecs(): Promise<ReadonlySet<number>> {
    if (this.stmt.kind !== 'alter_table') return new Set();
    const table = await this.target();
    const out = new Set<number>();
    if (table) {
      alterActionsOf(this.stmt).forEach((a, at) => {
        if ((a.op === 'modify_column' || a.op === 'change_column') && alterQualifierMismatch(table, a.column)) out.add(at);
      });
    }
    return out;
  }

  /** `spec:column` (lower case) of ADD COLUMNs whose column already exists. */
  private async existingAdds(): Promise<ReadonlySet<string>> {
    if (this.stmt.kind !== 'alter_table') return new Set();
    const found = await this.alter();
    const adds = new Set(alterActionsOf(this.stmt).flatMap((a, at) => (a.op === 'add_column' ? a.columns.map((c) => `${at}:${c.name.toLowerCase()}`) : [])));
    const table = found?.table.name ?? '';
    return new Set(
      (found?.findings.columnExisted ?? [])
        .map((f) => `${f.at}:${f.name.slice(table.length + 1).toLowerCase()}`)
        .filter((key) => adds.has(key)),
    );
  }

  /**
   * Whether the statement has names to resolve. INSERT … VALUES with only literals has none, so query rules
   * skip it synchronously (large INSERT batches).
   */
  get hasNames(): boolean {
    this.named ??= hasNamesOf(this.stmt);
    return this.named;
  }

  /**
   * An INSERT/REPLACE … VALUES of literals only, without ON DUPLICATE KEY UPDATE: it has no query, condition or
   * name beyond its table and column list, so the engine skips the rules marked `queriesOnly` (docs/audit.md).
   */
  get plainValues(): boolean {
    const stmt = this.stmt;
    return (stmt.kind === 'insert' || stmt.kind === 'replace') && !this.hasNames && insertRowsOf(stmt) !== null && !hasOnDuplicateKeyUpdate(stmt);
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
    this.alterPromise ??= this.target().then((table) => {
      if (!table) return null;
      // A MODIFY / CHANGE of another table's column is reported for its qualifier only (alterQualifierMismatch).
      const changes = tableChangesOf(this.stmt).map((a): AlterAction =>
        (a.op === 'modify_column' || a.op === 'change_column') && alterQualifierMismatch(table, a.column) ? { op: 'other', text: '' } : a,
      );
      return { table, findings: alterFindings(table, changes) };
    });
    return this.alterPromise;
  }

  /**
   * The indexes and foreign keys the statement creates, each with its key columns as the table stands at that
   * point (src/audit/key-checks.ts); null for statements that create none or whose table is missing.
   */
  keys(db: string | null, defaultCharset: string): Promise<KeyFacts | null> {
    this.keysPromise ??= this.target().then((table) => {
      const ddl = this.stmt.ddl;
      const at = table?.db ?? db;
      return ddl && at !== null ? keyFactsOf(ddl, table, at, defaultCharset) : null;
    });
    return this.keysPromise;
  }

  /** How many values an INSERT must supply per row: its column list, else every column of the table. */
  insertWidth(): number | null | Promise<number | null> {
    const listed = insertColumnsOf(this.stmt);
    if (listed) return listed.length;
    return this.withTarget((table) => (table ? table.columns.length : null));
  }
}

function hasNamesOf(stmt: ParsedStatement): boolean {
  if (stmt.kind !== 'insert' && stmt.kind !== 'replace') return true;
  if (querySelectOf(stmt)) return true;
  const rows = insertRowsOf(stmt);
  return rows !== null && !rows.every((r) => r.every(isLiteral));
}

function columnWritesOf(stmt: ParsedStatement, shape: CreateTableShape | null, tableName: string): ColumnWrite[] {
  if (shape) {
    const pk = new Set(shape.indexes.filter((i) => i.kind === 'primary').flatMap((i) => i.columns.map((c) => c.toLowerCase())));
    const table = shape.table?.name ?? tableName;
    return shape.columns.map((column, at) => ({ at, op: 'create', column, table, primaryKey: column.primaryKey || pk.has(column.name.toLowerCase()) }));
  }
  const out: ColumnWrite[] = [];
  alterActionsOf(stmt).forEach((a, at) => {
    const write = (op: ColumnWrite['op'], column: ColumnDefinition) => out.push({ at, op, column, table: tableName, primaryKey: column.primaryKey });
    if (a.op === 'add_column') for (const c of a.columns) write('add', c);
    else if (a.op === 'modify_column') write('modify', a.column);
    else if (a.op === 'change_column') write('change', a.column);
  });
  return out;
}

function newIdentifiersOf(stmt: ParsedStatement, shape: CreateTableShape | null): NewIdentifier[] {
  if (shape) {
    if (!shape.table || shape.like) return shape.table ? [{ at: -1, name: shape.table.name }] : [];
    return [{ at: -1, name: shape.table.name }, ...shape.columns.map((c, at) => ({ at, name: c.name }))];
  }
  if (stmt.kind === 'create_database') {
    const db = databaseNameOf(stmt);
    return db === null ? [] : [{ at: -1, name: db }];
  }
  if (stmt.kind === 'rename_table') {
    return renamePairsOf(stmt).flatMap(({ to }) => (to.db ? [{ at: -1, name: to.db }] : []));
  }
  const out: NewIdentifier[] = [];
  alterActionsOf(stmt).forEach((a, at) => {
    if (a.op === 'add_column') for (const c of a.columns) out.push({ at, name: c.name });
    else if (a.op === 'change_column' && a.column.name.toLowerCase() !== a.old.toLowerCase()) out.push({ at, name: a.column.name });
    else if (a.op === 'rename_column') out.push({ at, name: a.to });
  });
  return out;
}
