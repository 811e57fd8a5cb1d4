// `--split=1` (docs/result-modes.md): the batch's statements cut into groups a DBA can run one after another,
// each group all-DML or all-DDL per table. Pure: parsed statements in, groups out; nothing touches the target.

import { ColumnType, type ColumnDef, type Value } from '../../protocol/result.js';
import { databaseNameOf, renamePairsOf, tablesOf, type TableName } from '../../sql/ast.js';
import { writtenText, type ParsedStatement, type StatementKind } from '../../sql/statement.js';

type StatementClass = 'dml' | 'ddl';

const CLASS_OF: Partial<Record<StatementKind, StatementClass>> = {
  use: 'dml',
  insert: 'dml',
  replace: 'dml',
  update: 'dml',
  delete: 'dml',
  truncate_table: 'dml',
  create_database: 'ddl',
  drop_database: 'ddl',
  create_table: 'ddl',
  alter_table: 'ddl',
  drop_table: 'ddl',
  rename_table: 'ddl',
  create_index: 'ddl',
  drop_index: 'ddl',
};

/** Kinds that mark a group as holding DDL that rewrites or removes a table. */
const DDL_FLAG_KINDS: ReadonlySet<StatementKind> = new Set<StatementKind>(['alter_table', 'drop_table']);

export interface SplitGroup {
  /** 1-based group number. */
  id: number;
  /** ``use `db`;\n`` (unless the group starts with USE) then each statement as `<sql>;\n`. */
  sql: string;
  /** 1 when the group holds ALTER TABLE or DROP TABLE. */
  ddlFlag: 0 | 1;
  errorMessage: string | null;
}

export const SPLIT_COLUMNS: readonly ColumnDef[] = [
  { name: 'id', type: ColumnType.LONG },
  { name: 'sql_statement', type: ColumnType.STRING },
  { name: 'ddlflag', type: ColumnType.LONG },
  { name: 'error_message', type: ColumnType.STRING },
];

export function splitGroupValues(g: SplitGroup): Value[] {
  return [String(g.id), g.sql, String(g.ddlFlag), g.errorMessage];
}

/**
 * Accumulates groups statement by statement. Statements of kinds outside the DML/DDL lists (SELECT, views, SHOW,
 * EXPLAIN, SET …) are dropped.
 */
export class SplitGrouper {
  readonly groups: SplitGroup[] = [];
  private current: SplitGroup | null = null;
  /** `db.table` (lower-cased) → how the current group uses it. */
  private tables = new Map<string, StatementClass>();
  private db: string | null;

  constructor(initialDb: string | null) {
    this.db = initialDb === '' ? null : initialDb;
  }

  add(stmt: ParsedStatement): void {
    const cls = CLASS_OF[stmt.kind];
    if (!cls) return;
    const keys = this.tableKeys(stmt);
    const switches = keys.some((k) => {
      const seen = this.tables.get(k);
      return seen !== undefined && seen !== cls;
    });
    if (!this.current || switches) this.startGroup(stmt.kind === 'use');
    const group = this.current!;
    group.sql += `${writtenText(stmt)};\n`;
    if (DDL_FLAG_KINDS.has(stmt.kind)) group.ddlFlag = 1;
    for (const k of keys) this.tables.set(k, cls);
    if (stmt.kind === 'use') this.db = databaseNameOf(stmt) ?? this.db;
  }

  /** A problem that ends the batch (parse error, missing commit): its own row after the groups so far. */
  addError(sql: string, message: string): void {
    this.groups.push({ id: this.groups.length + 1, sql, ddlFlag: 0, errorMessage: message });
    this.current = null;
    this.tables = new Map();
  }

  private startGroup(startsWithUse: boolean): void {
    const prefix = !startsWithUse && this.db !== null ? `use \`${this.db.replace(/`/g, '``')}\`;\n` : '';
    this.current = { id: this.groups.length + 1, sql: prefix, ddlFlag: 0, errorMessage: null };
    this.groups.push(this.current);
    this.tables = new Map();
  }

  private tableKeys(stmt: ParsedStatement): string[] {
    const refs: TableName[] = [...tablesOf(stmt)];
    for (const pair of renamePairsOf(stmt)) refs.push(pair.to);
    const keys: string[] = [];
    for (const ref of refs) {
      const db = ref.db ?? this.db ?? '';
      const key = `${db}.${ref.name}`.toLowerCase();
      if (!keys.includes(key)) keys.push(key);
    }
    return keys;
  }
}

/** Groups for a list of statements (convenience for callers that have them all). */
export function splitIntoGroups(statements: readonly ParsedStatement[], initialDb: string | null): SplitGroup[] {
  const grouper = new SplitGrouper(initialDb);
  for (const s of statements) grouper.add(s);
  return grouper.groups;
}
