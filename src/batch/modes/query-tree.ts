// `--enable-query-print` (docs/result-modes.md): the statement's tree as JSON shaped like TiDB's `ast` package
// as far as clients walk it. Archery looks for the keys `TableRefs`, `Left`, `Right`,
// then reads `Source.Schema.O` / `Source.Name.O` of each table source; so those four keys appear ONLY on table
// references, and expressions use TiDB's `L`/`R`. Pure: node-sql-parser AST in, plain JSON-able object out.
//
// CTEs: goInception reports a reference to a CTE as a table (its #652, which breaks Archery's privilege checks).
// Here a CTE reference is a `CTESource` node without `Source`, and the CTE's own query (under `With.CTEs`) carries
// the real tables.

import type { ParsedStatement } from '../../sql/statement.js';
import { setMembers } from './set-operation.js';

type Node = Record<string, unknown>;
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

function obj(v: unknown): Node | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : null;
}
function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/**
 * A FROM clause as a flat item list. node-sql-parser gives `FROM (a, b) JOIN c` as an object
 * `{expr: [a, b], parentheses, joins: [c]}` instead of a list.
 */
export function fromItems(from: unknown): unknown[] {
  if (Array.isArray(from)) return from;
  const n = obj(from);
  if (!n || !Array.isArray(n.expr)) return [];
  return [{ expr: n.expr }, ...arr(n.joins)];
}
function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** TiDB's `model.CIStr`: the name as written and lower-cased. */
export function ciStr(name: string | null | undefined): JsonObject {
  const o = name ?? '';
  return { O: o, L: o.toLowerCase() };
}

/** An identifier given as a string or as a `{type, value}` node. */
function ident(v: unknown): string | null {
  if (typeof v === 'string') return v;
  const n = obj(v);
  return n && typeof n.value === 'string' ? n.value : null;
}

/** CTE names visible at a point of the tree (lower-cased), innermost scope last. */
type CteScope = ReadonlySet<string>;

/** The statement's tree; statements without a table-bearing shape get `{text}` only. */
export function queryTreeOf(stmt: ParsedStatement): JsonObject {
  const ast = obj(stmt.ast);
  let tree: JsonObject | null = null;
  if (ast) {
    switch (stmt.kind) {
      case 'select':
        tree = resultSet(ast, new Set());
        break;
      case 'insert':
      case 'replace':
        tree = insertTree(ast, stmt.kind === 'replace');
        break;
      case 'update':
        tree = updateTree(ast);
        break;
      case 'delete':
        tree = deleteTree(ast);
        break;
      case 'use':
        tree = { DBName: str(ast.db) ?? '' };
        break;
      default:
        tree = null;
    }
  }
  return { text: stmt.text, ...(tree ?? {}) };
}

/** SELECT, or a set operation (its members from set-operation.ts) as TiDB's SetOprStmt. */
function resultSet(ast: Node, outer: CteScope): JsonObject {
  const scope = withCtes(ast, outer);
  const withClause = withTree(ast, outer);
  const members = setMembers(ast);
  if (members.length === 1) return selectTree(members[0]!.select, scope, withClause);
  const selects: Json[] = [];
  for (const { select, op } of members) {
    const tree = selectTree({ ...select, with: null }, scope, null);
    tree.AfterSetOperator = op;
    selects.push(tree);
  }
  // node-sql-parser hangs a trailing ORDER BY / LIMIT on the last member; TiDB puts it on the set operation.
  return { SelectList: { Selects: selects }, With: withClause, OrderBy: null, Limit: null };
}

function withCtes(ast: Node, outer: CteScope): CteScope {
  const names = arr(ast.with)
    .map((c) => ident(obj(c)?.name))
    .filter((n): n is string => n !== null);
  if (names.length === 0) return outer;
  return new Set([...outer, ...names.map((n) => n.toLowerCase())]);
}

function withTree(ast: Node, outer: CteScope): Json {
  const ctes = arr(ast.with).map((c) => obj(c)).filter((c): c is Node => c !== null);
  if (ctes.length === 0) return null;
  const recursive = ctes.some((c) => c.recursive === true);
  // A CTE sees the ones before it, and itself when recursive.
  const visible = new Set(outer);
  const list: Json[] = [];
  for (const c of ctes) {
    const name = ident(c.name) ?? '';
    if (recursive) visible.add(name.toLowerCase());
    const inner = obj(obj(c.stmt)?.ast) ?? obj(c.stmt);
    list.push({
      Name: ciStr(name),
      Query: { Query: inner ? resultSet(inner, visible) : null },
      ColNameList: arr(c.columns).map((col) => ciStr(columnName(col))),
    });
    visible.add(name.toLowerCase());
  }
  return { IsRecursive: recursive, CTEs: list };
}

function columnName(v: unknown): string {
  const n = obj(v);
  if (n && n.type === 'column_ref') return ident(n.column) ?? ident(obj(n.column)?.expr) ?? '';
  return ident(v) ?? '';
}

function selectTree(ast: Node, scope: CteScope, withClause: Json): JsonObject {
  const from = fromItems(ast.from);
  return {
    With: withClause,
    Distinct: ast.distinct !== null && ast.distinct !== undefined,
    From: from.length > 0 ? { TableRefs: joinTree(from, scope) } : null,
    Where: expr(ast.where, scope),
    Fields: { Fields: arr(ast.columns).map((c, i) => selectField(c, i, scope)) },
    GroupBy: groupBy(ast.groupby, scope),
    Having: ast.having ? { Expr: expr(ast.having, scope) } : null,
    OrderBy: orderBy(ast.orderby, scope),
    Limit: limit(ast.limit),
  };
}

function selectField(v: unknown, offset: number, scope: CteScope): JsonObject {
  const item = obj(v) ?? {};
  const e = obj(item.expr);
  const star = e && e.type === 'column_ref' && e.column === '*';
  return {
    Offset: offset,
    WildCard: star ? { Table: ciStr(ident(e.table)), Schema: ciStr(ident(e.db)) } : null,
    Expr: star ? null : expr(item.expr, scope),
    AsName: ciStr(ident(item.as)),
    Auxiliary: false,
  };
}

function groupBy(v: unknown, scope: CteScope): Json {
  const items = arr(obj(v)?.columns ?? v);
  return items.length > 0 ? { Items: items.map((i) => ({ Expr: expr(i, scope), Desc: false })) } : null;
}

function orderBy(v: unknown, scope: CteScope): Json {
  const items = arr(v);
  if (items.length === 0) return null;
  return {
    Items: items.map((i) => ({ Expr: expr(obj(i)?.expr, scope), Desc: String(obj(i)?.type ?? '').toUpperCase() === 'DESC' })),
  };
}

function limit(v: unknown): Json {
  const values = arr(obj(v)?.value);
  if (values.length === 0) return null;
  const nums = values.map((x) => expr(x, new Set()));
  const seperator = str(obj(v)?.seperator) ?? '';
  // `LIMIT o, c` lists offset first; `LIMIT c OFFSET o` lists count first.
  if (nums.length === 1) return { Count: nums[0]!, Offset: null };
  return seperator === ',' ? { Count: nums[1]!, Offset: nums[0]! } : { Count: nums[0]!, Offset: nums[1]! };
}

const JOIN_TYPE: Record<string, number> = { 'LEFT JOIN': 2, 'LEFT OUTER JOIN': 2, 'RIGHT JOIN': 3, 'RIGHT OUTER JOIN': 3 };
/** TiDB's ast.CrossJoin (also used for INNER JOIN and comma joins). */
const CROSS_JOIN = 1;

/** A FROM list (node-sql-parser gives it flat, joins annotated per item) as TiDB's left-deep `Join` tree. */
function joinTree(from: unknown[], scope: CteScope): JsonObject {
  let tree: JsonObject | null = null;
  for (const f of from) {
    const item = obj(f) ?? {};
    const source = tableSource(item, scope);
    if (tree === null) {
      tree = { Left: source, Right: null, Tp: 0, On: null, Using: null, NaturalJoin: false, StraightJoin: false };
      continue;
    }
    const join = str(item.join)?.toUpperCase() ?? '';
    // The first item sits alone in a Join{Left, Right: null}; the second becomes its Right.
    const left: JsonObject = tree.Right === null && tree.Tp === 0 ? (tree.Left as JsonObject) : tree;
    tree = {
      Left: left,
      Right: source,
      Tp: JOIN_TYPE[join.replace(/^NATURAL\s+/, '')] ?? CROSS_JOIN,
      On: item.on ? { Expr: expr(item.on, scope) } : null,
      Using: Array.isArray(item.using) ? item.using.map((u) => columnNameTree(null, null, ident(u) ?? '')) : null,
      NaturalJoin: join.startsWith('NATURAL'),
      StraightJoin: join === 'STRAIGHT_JOIN',
    };
  }
  return tree ?? { Left: null, Right: null, Tp: 0, On: null };
}

/** One FROM item: a table (`TableSource{Source: TableName}`), a derived table, or a CTE reference. */
function tableSource(item: Node, scope: CteScope): JsonObject {
  const asName = ciStr(ident(item.as));
  // A parenthesised join `(a JOIN b)` is itself a Join in TiDB's tree.
  if (Array.isArray(item.expr)) return joinTree(item.expr, scope);
  const derived = obj(obj(item.expr)?.ast);
  if (derived) return { Source: resultSet(derived, scope), AsName: asName };
  const name = ident(item.table) ?? '';
  const db = ident(item.db);
  if (db === null && scope.has(name.toLowerCase())) return { CTESource: { Name: ciStr(name) }, AsName: asName };
  return { Source: tableName(db, name), AsName: asName };
}

function tableName(db: string | null, name: string): JsonObject {
  return { Schema: ciStr(db), Name: ciStr(name), IndexHints: null, PartitionNames: null };
}

function tableRefsClause(from: unknown[], scope: CteScope): JsonObject {
  return { TableRefs: joinTree(from, scope) };
}

function insertTree(ast: Node, isReplace: boolean): JsonObject {
  const values = obj(ast.values);
  const select = values && values.type === 'select' ? values : null;
  const scope = select ? withCtes(select, new Set()) : new Set<string>();
  return {
    IsReplace: isReplace,
    IgnoreErr: /ignore/i.test(String(ast.prefix ?? '')),
    Table: tableRefsClause(arr(ast.table).slice(0, 1), new Set()),
    Columns: Array.isArray(ast.columns) ? ast.columns.map((c) => columnNameTree(null, null, columnName(c))) : null,
    Lists: values && values.type === 'values' ? arr(values.values).map((row) => arr(obj(row)?.value).map((v) => expr(v, scope))) : null,
    Setlist: Array.isArray(ast.set) ? assignments(ast.set, scope) : null,
    OnDuplicate: Array.isArray(ast.on_duplicate_update) ? assignments(ast.on_duplicate_update, scope) : null,
    Select: select ? resultSet(select, new Set()) : null,
  };
}

function updateTree(ast: Node): JsonObject {
  const scope = withCtes(ast, new Set());
  const tables = fromItems(ast.table);
  return {
    With: withTree(ast, new Set()),
    TableRefs: tableRefsClause(tables, scope),
    List: assignments(arr(ast.set), scope),
    Where: expr(ast.where, scope),
    Order: orderBy(ast.orderby, scope),
    Limit: limit(ast.limit),
    MultipleTable: tables.length > 1,
  };
}

function deleteTree(ast: Node): JsonObject {
  const scope = withCtes(ast, new Set());
  const from = fromItems(ast.from);
  const targets = arr(ast.table).filter((t) => obj(t)?.addition !== true);
  return {
    With: withTree(ast, new Set()),
    TableRefs: tableRefsClause(from, scope),
    // DELETE a, b FROM …: the targets are names (aliases), not table sources, so clients do not count them twice.
    Tables: targets.length > 0 ? { Tables: targets.map((t) => ({ Schema: ciStr(ident(obj(t)?.db)), Name: ciStr(ident(obj(t)?.table)) })) } : null,
    Where: expr(ast.where, scope),
    Order: orderBy(ast.orderby, scope),
    Limit: limit(ast.limit),
    IsMultiTable: targets.length > 0 || from.length > 1,
  };
}

function assignments(list: unknown[], scope: CteScope): Json[] {
  return list.map((a) => {
    const n = obj(a) ?? {};
    return { Column: columnNameTree(null, ident(n.table), columnName(n.column) || (ident(n.column) ?? '')), Expr: expr(n.value, scope) };
  });
}

function columnNameTree(db: string | null, table: string | null, name: string): JsonObject {
  return { Schema: ciStr(db), Table: ciStr(table), Name: ciStr(name) };
}

const LITERAL_TYPES = new Set(['number', 'string', 'single_quote_string', 'double_quote_string', 'bool', 'boolean', 'null', 'hex_string', 'bit_string', 'natural_string', 'param']);

/**
 * An expression, coarsely TiDB-shaped: columns, operators (`Op`, `L`, `R`), calls (`FnName`, `Args`), values,
 * and subqueries (`Query`) with their own table references. Anything else keeps its parser keys (all lower-case,
 * so none collides with the table-reference keys clients look for).
 */
function expr(v: unknown, scope: CteScope): Json {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.map((x) => expr(x, scope));
  if (typeof v !== 'object') return v as Json;
  const n = v as Node;
  const sub = obj(n.ast);
  if (sub) return { Query: resultSet(sub, scope) };
  switch (n.type) {
    case 'column_ref': {
      if (n.column === '*') return { WildCard: { Table: ciStr(ident(n.table)) } };
      return { Name: columnNameTree(ident(n.db), ident(n.table), columnName(n)) };
    }
    case 'binary_expr':
      return { Op: String(n.operator ?? ''), L: expr(n.left, scope), R: expr(n.right, scope) };
    case 'unary_expr':
      return { Op: String(n.operator ?? ''), V: expr(n.expr, scope) };
    case 'expr_list':
      return { List: expr(n.value, scope) };
    case 'function':
      return { FnName: ciStr(functionName(n.name)), Args: argsOf(n.args, scope) };
    case 'aggr_func':
      return { F: String(n.name ?? '').toLowerCase(), Args: argsOf(n.args, scope), Distinct: !!obj(n.args)?.distinct };
    case 'star':
      return { WildCard: { Table: ciStr(null) } };
    default:
      if (typeof n.type === 'string' && LITERAL_TYPES.has(n.type)) return { Type: n.type, Datum: (n.value ?? null) as Json };
  }
  const out: JsonObject = {};
  for (const [k, child] of Object.entries(n)) {
    if (k === 'tableList' || k === 'columnList' || k === 'loc') continue;
    out[k] = expr(child, scope);
  }
  return out;
}

function functionName(v: unknown): string {
  const parts = arr(obj(v)?.name);
  if (parts.length > 0) return parts.map((p) => ident(p) ?? '').join('.');
  return ident(v) ?? '';
}

function argsOf(v: unknown, scope: CteScope): Json {
  const n = obj(v);
  if (!n) return [];
  if (n.type === 'expr_list') return arr(n.value).map((x) => expr(x, scope));
  if ('expr' in n) return [expr(n.expr, scope)];
  return [expr(n, scope)];
}
