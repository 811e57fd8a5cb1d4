// Readers that audit rules share, so no rule digs through a parser's shapes itself. For DDL they read the typed
// model (`stmt.ddl`, docs/parsing.md); otherwise node-sql-parser's AST. Every reader tolerates `ast: null`
// (statements only our recognisers understood) and returns empty/null then.

import { astify } from './node-parser.js';
import type { ColumnDef, DefaultValue, IndexDef, QualifiedName } from './ddl/model.js';
import type { ParsedStatement } from './statement.js';

type Node = Record<string, unknown>;

function obj(v: unknown): Node | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : null;
}
function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

export interface TableName {
  db: string | null;
  name: string;
  alias: string | null;
}

export interface ColumnRef {
  table: string | null;
  column: string;
}

/** A node-sql-parser table reference (`{db, table, as}`); null for derived tables and other shapes. */
export function tableNameOf(node: unknown): TableName | null {
  const n = obj(node);
  const name = n ? str(n.table) : null;
  if (!n || name === null) return null;
  return { db: str(n.db), name, alias: str(n.as) };
}

function tableList(v: unknown): TableName[] {
  const out: TableName[] = [];
  for (const t of Array.isArray(v) ? v : [v]) {
    const name = tableNameOf(t);
    if (name) out.push(name);
  }
  return out;
}

/**
 * The tables a statement acts on, in statement order: INSERT/REPLACE/CREATE/ALTER/CREATE INDEX → the one table;
 * UPDATE → every table of the join; DELETE → the FROM tables; DROP/TRUNCATE → the listed tables;
 * RENAME → the source tables.
 */
export function tablesOf(stmt: ParsedStatement): TableName[] {
  // asked several times per statement (engine, resolve phase, estimate): the last statement's answer is kept
  if (stmt !== lastTables.of) lastTables = { of: stmt, tables: readTables(stmt) };
  return lastTables.tables;
}

let lastTables: { of: ParsedStatement | null; tables: TableName[] } = { of: null, tables: [] };

function readTables(stmt: ParsedStatement): TableName[] {
  const ddl = stmt.ddl;
  if (ddl) {
    switch (ddl.type) {
      case 'create_table':
      case 'alter_table':
      case 'truncate_table':
      case 'create_index':
      case 'drop_index':
        return [tableName(ddl.table)];
      case 'drop_table':
        return ddl.tables.map(tableName);
      case 'drop_view':
        return ddl.views.map(tableName);
      case 'create_view':
        return [tableName(ddl.view)];
      case 'rename_table':
        return ddl.pairs.map((p) => tableName(p.from));
      default:
        return [];
    }
  }
  const ast = obj(stmt.ast);
  if (!ast) return [];
  switch (stmt.kind) {
    case 'insert':
    case 'replace':
    case 'create_table':
    case 'alter_table':
      return tableList(arr(ast.table).slice(0, 1));
    case 'update':
    case 'select':
      return tableList(stmt.kind === 'update' ? ast.table : ast.from);
    case 'delete':
      return tableList(ast.from);
    case 'drop_table':
    case 'drop_view':
    case 'truncate_table':
      return tableList(ast.name);
    case 'create_index':
    case 'drop_index':
      return tableList(ast.table);
    case 'create_view': {
      const v = obj(ast.view);
      return v && str(v.view) !== null ? [{ db: str(v.db), name: str(v.view)!, alias: null }] : [];
    }
    case 'rename_table':
      return arr(ast.table).flatMap((pair) => tableList(arr(pair).slice(0, 1)));
    default:
      return [];
  }
}

/** RENAME TABLE pairs (from → to). */
export function renamePairsOf(stmt: ParsedStatement): { from: TableName; to: TableName }[] {
  if (stmt.ddl?.type === 'rename_table') return stmt.ddl.pairs.map((p) => ({ from: tableName(p.from), to: tableName(p.to) }));
  const ast = obj(stmt.ast);
  if (!ast || stmt.kind !== 'rename_table') return [];
  const out: { from: TableName; to: TableName }[] = [];
  for (const pair of arr(ast.table)) {
    const [from, to] = tableList(pair);
    if (from && to) out.push({ from, to });
  }
  return out;
}

/** DELETE's named targets (`DELETE a, b FROM …`); for single-table DELETE the one table. */
export function deleteTargetsOf(stmt: ParsedStatement): TableName[] {
  const ast = obj(stmt.ast);
  return ast && stmt.kind === 'delete' ? tableList(ast.table) : [];
}

/** The WHERE expression of UPDATE/DELETE/SELECT (null when absent). */
export function whereOf(stmt: ParsedStatement): unknown {
  return obj(stmt.ast)?.where ?? null;
}

export function hasLimit(stmt: ParsedStatement): boolean {
  const limit = obj(obj(stmt.ast)?.limit);
  return limit !== null && arr(limit.value).length > 0;
}

export function hasOrderBy(stmt: ParsedStatement): boolean {
  return arr(obj(stmt.ast)?.orderby).length > 0;
}

/** Whether the statement has `IF EXISTS` / `IF NOT EXISTS` (DROP / CREATE). */
export function hasIfExists(stmt: ParsedStatement): boolean {
  const ddl = stmt.ddl;
  if (ddl) return 'ifExists' in ddl && ddl.type.startsWith('drop') && ddl.ifExists;
  const p = str(obj(stmt.ast)?.prefix);
  return p !== null && /if\s+exists/i.test(p);
}
export function hasIfNotExists(stmt: ParsedStatement): boolean {
  const ddl = stmt.ddl;
  if (ddl) return 'ifNotExists' in ddl && ddl.ifNotExists;
  return str(obj(stmt.ast)?.if_not_exists) !== null;
}

/** Database named by USE / CREATE DATABASE / DROP DATABASE / ALTER DATABASE. */
export function databaseNameOf(stmt: ParsedStatement): string | null {
  const ddl = stmt.ddl;
  if (ddl?.type === 'create_database' || ddl?.type === 'drop_database' || ddl?.type === 'alter_database') return ddl.name;
  const ast = obj(stmt.ast);
  if (!ast) return null;
  if (stmt.kind === 'use') return str(ast.db);
  if (stmt.kind === 'drop_database') return str(ast.name) ?? firstSchema(obj(ast.name));
  if (stmt.kind === 'create_database') return firstSchema(obj(ast.database)) ?? str(ast.database);
  return null;
}

function firstSchema(n: Node | null): string | null {
  const first = obj(arr(n?.schema)[0]);
  return first ? str(first.value) : null;
}

/** `CHARACTER SET` / `COLLATE` options of CREATE DATABASE. */
export function databaseOptionsOf(stmt: ParsedStatement): { charset: string | null; collate: string | null } {
  let charset: string | null = null;
  let collate: string | null = null;
  const ddl = stmt.ddl;
  if (ddl?.type === 'create_database' || ddl?.type === 'alter_database') {
    for (const o of ddl.options) {
      if (o.name === 'CHARSET') charset = o.value;
      else if (o.name === 'COLLATE') collate = o.value;
    }
    return { charset, collate };
  }
  for (const o of arr(obj(stmt.ast)?.create_definitions)) {
    const opt = obj(o);
    const kw = (str(opt?.keyword) ?? '').toLowerCase();
    const v = obj(opt?.value);
    const value = str(v?.value) ?? str(opt?.value);
    if (/char/.test(kw)) charset = value;
    else if (/collate/.test(kw)) collate = value;
  }
  return { charset, collate };
}

// --- INSERT / REPLACE ------------------------------------------------------------------------------------

/** The explicit column list, or null when the statement has none. */
export function insertColumnsOf(stmt: ParsedStatement): string[] | null {
  const cols = obj(stmt.ast)?.columns;
  if (!Array.isArray(cols)) return null;
  if (cols !== lastColumns.of) lastColumns = { of: cols, names: cols.map((c) => (typeof c === 'string' ? c : (columnRefOf(c)?.column ?? String(c)))) };
  return lastColumns.names;
}

// The last answers of the readers every INSERT rule asks (a statement's rules run one after the other), keyed by
// the AST array they read: one array per statement instead of one per call. Callers only read the arrays.
let lastColumns: { of: unknown[] | null; names: string[] } = { of: null, names: [] };
let lastRows: { of: unknown[] | null; rows: unknown[][] } = { of: null, rows: [] };

/** VALUES rows as expression lists; null for INSERT … SELECT and INSERT … SET. */
export function insertRowsOf(stmt: ParsedStatement): unknown[][] | null {
  const values = obj(obj(stmt.ast)?.values);
  if (!values || values.type !== 'values') return null;
  if (!Array.isArray(values.values)) return [];
  if (values.values !== lastRows.of) lastRows = { of: values.values, rows: values.values.map((row) => arr(obj(row)?.value)) };
  return lastRows.rows;
}

/** INSERT … ON DUPLICATE KEY UPDATE: each updated row counts 2 in affected rows but is one binlog row image. */
export function hasOnDuplicateKeyUpdate(stmt: ParsedStatement): boolean {
  const odku = obj(stmt.ast)?.on_duplicate_update;
  return odku !== null && odku !== undefined;
}

/** The SELECT of INSERT … SELECT, or null. */
export function insertSelectOf(stmt: ParsedStatement): unknown {
  const values = obj(obj(stmt.ast)?.values);
  return values && values.type === 'select' ? values : null;
}

/** INSERT … SET assignments (null when not that form). */
export function insertSetOf(stmt: ParsedStatement): Assignment[] | null {
  const set = obj(stmt.ast)?.set;
  return Array.isArray(set) ? assignments(set) : null;
}

// --- UPDATE ------------------------------------------------------------------------------------------------

export interface Assignment {
  table: string | null;
  column: string;
  value: unknown;
}

function assignments(list: unknown[]): Assignment[] {
  const out: Assignment[] = [];
  for (const a of list) {
    const n = obj(a);
    const column = str(n?.column) ?? columnRefOf(n?.column)?.column ?? null;
    if (n && column !== null) out.push({ table: str(n.table), column, value: n.value });
  }
  return out;
}

export function updateSetOf(stmt: ParsedStatement): Assignment[] {
  return stmt.kind === 'update' ? assignments(arr(obj(stmt.ast)?.set)) : [];
}

// --- expressions -------------------------------------------------------------------------------------------

/** An identifier the parser gives as a plain string or as a quoted-string node (`{type, value}`). */
export function identText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  const n = obj(v);
  return n && typeof n.value === 'string' ? n.value : null;
}

/** A column reference node → `{table, column}`; null for anything else (and for `*`). */
export function columnRefOf(node: unknown): ColumnRef | null {
  const n = obj(node);
  if (!n || n.type !== 'column_ref') return null;
  let column = str(n.column);
  if (column === null) {
    const expr = obj(obj(n.column)?.expr);
    column = expr ? str(expr.value) : null;
  }
  if (column === null || column === '*') return null;
  return { table: identText(n.table), column };
}

/** `db` qualifier of a `db.t.col` column reference (null when absent). */
export function columnDbOf(node: unknown): string | null {
  return identText(obj(node)?.db);
}

/** Whether a select-list/column node is `*` or `t.*`; returns the qualifier ('' for a bare `*`), else null. */
export function starOf(node: unknown): string | null {
  const n = obj(node);
  if (!n || n.type !== 'column_ref' || n.column !== '*') return null;
  return identText(n.table) ?? '';
}

/**
 * The SELECT a statement carries: SELECT itself, INSERT … SELECT's query, CREATE VIEW's query; null otherwise.
 * UNION members follow through `_next`.
 */
export function querySelectOf(stmt: ParsedStatement): Node | null {
  if (stmt.kind === 'select') return obj(stmt.ast);
  if (stmt.kind === 'insert' || stmt.kind === 'replace') return obj(insertSelectOf(stmt));
  if (stmt.kind === 'create_view') return stmt.ddl ? viewQueryOf(stmt) : obj(obj(stmt.ast)?.select);
  return null;
}

/**
 * The number of `*` / `t.*` items in the select list of each member of the statement's query (UNION members in
 * order; one member for a plain SELECT); empty when the statement has no query.
 */
export function starsPerMember(stmt: ParsedStatement): number[] {
  const out: number[] = [];
  for (let m = querySelectOf(stmt); m; m = obj(m._next)) out.push(arr(m.columns).filter((c) => starOf(obj(c)?.expr) !== null).length);
  return out;
}

const viewQueries = new WeakMap<ParsedStatement, Node | null>();

/** The view's query, read on its own (node-sql-parser refuses some views as a whole, e.g. with a UNION). */
function viewQueryOf(stmt: ParsedStatement): Node | null {
  if (stmt.ddl?.type !== 'create_view') return null;
  let query = viewQueries.get(stmt);
  if (query === undefined) {
    const parsed = astify(stmt.ddl.select);
    query = parsed.ok && parsed.asts.length === 1 ? obj(parsed.asts[0]) : null;
    viewQueries.set(stmt, query);
  }
  return query;
}

/** CREATE VIEW's explicit column list (null when absent). */
export function viewColumnsOf(stmt: ParsedStatement): string[] | null {
  if (stmt.kind !== 'create_view') return null;
  if (stmt.ddl?.type === 'create_view') return stmt.ddl.columns;
  const cols = obj(stmt.ast)?.columns;
  return Array.isArray(cols) ? cols.map((c) => identText(c) ?? columnRefOf(c)?.column ?? String(c)) : null;
}

/**
 * Column references inside an expression tree, not descending into subqueries (their columns belong to
 * their own FROM).
 */
export function columnRefsIn(expr: unknown): ColumnRef[] {
  const out: ColumnRef[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      v.forEach(walk);
      return;
    }
    const n = obj(v);
    if (!n) return;
    if (n.type === 'column_ref') {
      const ref = columnRefOf(n);
      if (ref) out.push(ref);
      return;
    }
    if (n.type === 'select' || 'ast' in n) return;
    for (const child of Object.values(n)) walk(child);
  };
  walk(expr);
  return out;
}

/** Whether an expression node is the literal NULL. */
export function isNullLiteral(expr: unknown): boolean {
  return obj(expr)?.type === 'null';
}

// --- CREATE TABLE ------------------------------------------------------------------------------------------

export interface ColumnDefinition {
  name: string;
  /** Upper-case base type as written (`INT`, `VARCHAR` …). */
  dataType: string;
  length: number | null;
  scale: number | null;
  unsigned: boolean;
  /** true = NULL, false = NOT NULL, null = not declared. */
  nullable: boolean | null;
  hasDefault: boolean;
  /** Default expression node (null when absent). */
  defaultValue: unknown;
  /** Parsed COMMENT text, null when absent. */
  comment: string | null;
  primaryKey: boolean;
  unique: boolean;
  autoIncrement: boolean;
  /** The typed model's column (charset, collation, zerofill, generated, …; docs/parsing.md) when our DDL parser read it. */
  model?: ColumnDef;
}

export interface IndexDefinition {
  kind: 'primary' | 'unique' | 'index' | 'fulltext' | 'spatial' | 'foreign';
  name: string | null;
  columns: string[];
  /** The typed model's index (prefix lengths, expressions, visibility, …) when our DDL parser read it. */
  model?: IndexDef;
}

export interface CreateTableShape {
  table: TableName | null;
  ifNotExists: boolean;
  temporary: boolean;
  like: TableName | null;
  asSelect: unknown;
  columns: ColumnDefinition[];
  indexes: IndexDefinition[];
  /** Table options by lower-cased keyword (`engine`, `comment`, `default charset` …) → value text. */
  options: Map<string, string>;
  /** Table COMMENT text (quotes removed), null when absent. */
  comment: string | null;
}

/** A model name → the readers' table name (no alias in DDL). */
export function tableName(q: QualifiedName): TableName {
  return { db: q.db, name: q.name, alias: null };
}

/** A model default → the expression node shape these readers hand out (what literalText reads). */
function defaultNode(d: DefaultValue): unknown {
  switch (d.kind) {
    case 'string':
      return { type: 'single_quote_string', value: d.value };
    case 'number':
      return { type: 'number', value: Number(d.value) };
    case 'null':
      return { type: 'null', value: null };
    case 'bool':
      return { type: 'bool', value: d.value === '1' };
    case 'current_timestamp':
      return { type: 'function', name: { name: [{ type: 'default', value: 'CURRENT_TIMESTAMP' }] } };
    case 'bit':
      return { type: 'bit_string', value: d.value };
    case 'hex':
      return { type: 'hex_string', value: d.value };
    default:
      return { type: 'expression', text: d.text };
  }
}

/** A model column → the readers' column definition. */
export function columnDefinitionOfModel(c: ColumnDef): ColumnDefinition {
  return {
    name: c.name,
    dataType: c.type.name,
    length: c.type.length,
    scale: c.type.scale,
    unsigned: c.type.unsigned,
    nullable: c.nullable,
    hasDefault: c.default !== null,
    defaultValue: c.default ? defaultNode(c.default) : null,
    comment: c.comment,
    primaryKey: c.primaryKey,
    unique: c.unique,
    autoIncrement: c.autoIncrement,
    model: c,
  };
}

/** A model index → the readers' index definition; null for CHECK constraints (no index). */
export function indexDefinitionOfModel(ix: IndexDef): IndexDefinition | null {
  if (ix.kind === 'check') return null;
  return { kind: ix.kind, name: ix.name ?? ix.constraint, columns: ix.parts.flatMap((p) => (p.column === null ? [] : [p.column])), model: ix };
}

function commentText(v: unknown): string | null {
  const c = obj(v);
  if (!c) return null;
  const value = obj(c.value);
  return value ? (str(value.value) ?? null) : str(c.value);
}

function unquote(s: string): string {
  const m = /^(['"])([\s\S]*)\1$/.exec(s.trim());
  return m ? m[2]!.replace(m[1]! + m[1]!, m[1]!).replace(/\\(.)/g, '$1') : s;
}

function optionValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  const n = obj(v);
  if (n && (typeof n.value === 'string' || typeof n.value === 'number')) return String(n.value);
  return '';
}

function indexColumns(def: unknown): string[] {
  return arr(def).flatMap((c) => {
    const ref = columnRefOf(c);
    if (ref) return [ref.column];
    // `b(10)` prefix keys come back as a function call named after the column.
    const fn = obj(c);
    const name = obj(arr(obj(fn?.name)?.name)[0]);
    return name && str(name.value) !== null ? [str(name.value)!] : [];
  });
}

function indexKind(constraintType: string): IndexDefinition['kind'] {
  const t = constraintType.toLowerCase();
  if (t.startsWith('primary')) return 'primary';
  if (t.startsWith('unique')) return 'unique';
  if (t.startsWith('fulltext')) return 'fulltext';
  if (t.startsWith('spatial')) return 'spatial';
  if (t.startsWith('foreign')) return 'foreign';
  return 'index';
}

/** A column definition node (CREATE TABLE element, ALTER ADD/MODIFY/CHANGE spec) → its facts. */
export function columnDefinitionOf(node: unknown): ColumnDefinition | null {
  const def = obj(node);
  if (!def) return null;
  const ref = columnRefOf(def.column);
  if (!ref) return null;
  const type = obj(def.definition) ?? {};
  const nullable = obj(def.nullable);
  const defaultVal = obj(def.default_val);
  return {
    name: ref.column,
    dataType: String(type.dataType ?? '').toUpperCase(),
    length: typeof type.length === 'number' ? type.length : null,
    scale: typeof type.scale === 'number' ? type.scale : null,
    unsigned: arr(type.suffix).some((x) => String(x).toUpperCase() === 'UNSIGNED'),
    nullable: nullable ? nullable.type === 'null' : null,
    hasDefault: defaultVal !== null,
    defaultValue: defaultVal?.value ?? null,
    comment: commentText(def.comment),
    primaryKey: str(def.primary_key) !== null,
    unique: str(def.unique) !== null,
    autoIncrement: str(def.auto_increment) !== null,
  };
}

/** Literal text of a simple expression node (number, string, NULL, bool, function name); null otherwise. */
export function literalText(expr: unknown): string | null {
  const n = obj(expr);
  if (!n) return null;
  if (n.type === 'null') return null;
  if (typeof n.value === 'string' || typeof n.value === 'number' || typeof n.value === 'boolean') return String(n.value);
  if (n.type === 'function') {
    const name = obj(arr(obj(n.name)?.name)[0]);
    return name ? String(name.value).toUpperCase() : null;
  }
  return null;
}

/** ALTER TABLE specs as the parser gives them (empty for recognised-only ALTERs). */
export function alterSpecsOf(stmt: ParsedStatement): Node[] {
  return stmt.kind === 'alter_table' ? arr(obj(stmt.ast)?.expr).flatMap((e) => (obj(e) ? [obj(e)!] : [])) : [];
}

/** Index columns of an ADD INDEX / constraint node. */
export function indexDefinitionOf(node: unknown): IndexDefinition | null {
  const def = obj(node);
  if (!def) return null;
  const inner = obj(def.create_definitions) ?? def;
  const kind =
    inner.resource === 'index' ? indexKind(str(inner.keyword) ?? 'index') : indexKind(str(inner.constraint_type) ?? 'index');
  return { kind, name: str(inner.index) ?? str(inner.constraint), columns: indexColumns(inner.definition) };
}

export function createTableOf(stmt: ParsedStatement): CreateTableShape | null {
  const ddl = stmt.ddl;
  if (ddl?.type === 'create_table') {
    const comment = ddl.options.find((o) => o.name === 'COMMENT');
    return {
      table: tableName(ddl.table),
      ifNotExists: ddl.ifNotExists,
      temporary: ddl.temporary,
      like: ddl.like && tableName(ddl.like),
      asSelect: ddl.select,
      columns: ddl.columns.map(columnDefinitionOfModel),
      indexes: ddl.indexes.flatMap((ix) => indexDefinitionOfModel(ix) ?? []),
      options: new Map(ddl.options.map((o) => [o.name.toLowerCase(), o.value])),
      comment: comment ? comment.value : null,
    };
  }
  const ast = obj(stmt.ast);
  if (!ast || stmt.kind !== 'create_table') return null;
  const columns: ColumnDefinition[] = [];
  const indexes: IndexDefinition[] = [];
  for (const d of arr(ast.create_definitions)) {
    const def = obj(d);
    if (!def) continue;
    if (def.resource === 'column') {
      const col = columnDefinitionOf(def);
      if (col) columns.push(col);
    } else if (def.resource === 'constraint' || def.resource === 'index') {
      const kind = def.resource === 'index' ? indexKind(str(def.keyword) ?? 'index') : indexKind(str(def.constraint_type) ?? 'index');
      indexes.push({ kind, name: str(def.index) ?? str(def.constraint), columns: indexColumns(def.definition) });
    }
  }
  const options = new Map<string, string>();
  for (const o of arr(ast.table_options)) {
    const opt = obj(o);
    if (opt) options.set(String(opt.keyword ?? '').toLowerCase(), optionValue(opt.value));
  }
  const rawComment = options.get('comment');
  const like = obj(ast.like);
  return {
    table: tableList(arr(ast.table).slice(0, 1))[0] ?? null,
    ifNotExists: str(ast.if_not_exists) !== null,
    temporary: str(ast.temporary) !== null,
    like: like ? (tableList(like.table)[0] ?? null) : null,
    asSelect: ast.query_expr ?? null,
    columns,
    indexes,
    options,
    comment: rawComment === undefined ? null : unquote(rawComment),
  };
}

// --- CREATE INDEX / DROP INDEX -----------------------------------------------------------------------------

/** `CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX i ON t (cols)` → the index and its table. */
export function createIndexOf(stmt: ParsedStatement): { table: TableName; index: IndexDefinition } | null {
  const ddl = stmt.ddl;
  if (ddl?.type === 'create_index') {
    const index = indexDefinitionOfModel(ddl.index);
    return index && { table: tableName(ddl.table), index };
  }
  const ast = obj(stmt.ast);
  if (!ast || stmt.kind !== 'create_index') return null;
  const table = tableList(ast.table)[0];
  if (!table) return null;
  const type = (str(ast.index_type) ?? '').toLowerCase();
  const kind: IndexDefinition['kind'] =
    type === 'unique' ? 'unique' : type === 'fulltext' ? 'fulltext' : type === 'spatial' ? 'spatial' : 'index';
  return { table, index: { kind, name: identText(ast.index), columns: indexColumns(ast.index_columns) } };
}

/** `DROP INDEX i ON t` → index name and table. */
export function dropIndexOf(stmt: ParsedStatement): { table: TableName; name: string } | null {
  if (stmt.ddl?.type === 'drop_index') return { table: tableName(stmt.ddl.table), name: stmt.ddl.name };
  const ast = obj(stmt.ast);
  if (!ast || stmt.kind !== 'drop_index') return null;
  const table = tableList(ast.table)[0];
  const name = columnRefOf(ast.name)?.column ?? identText(ast.name);
  return table && name !== null ? { table, name } : null;
}
