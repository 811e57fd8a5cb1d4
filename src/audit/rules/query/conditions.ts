// What the expression rules of DML and SELECT look at (docs/audit.md "Expression rules"): the conditions of a
// statement — every WHERE, ON and HAVING, subqueries and derived tables included — and the tables its columns can
// belong to. A column is attributed the way goInception does it: by its qualifier (alias or table name), else to
// the first table of the statement that has a column of that name.
import { columnOf } from '../../column-lookup.js';
import type { RuleContext } from '../../rule.js';
import type { ColumnInfo, TableInfo } from '../../snapshot.js';
import { columnRefOf, identText } from '../../../sql/ast.js';
import type { ParsedStatement } from '../../../sql/statement.js';

export type Node = Record<string, unknown>;

export function obj(v: unknown): Node | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : null;
}

/** Every node of an expression tree (subqueries included), depth first, parents before children. */
export function walk(root: unknown, visit: (n: Node) => void): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
      continue;
    }
    const n = obj(v);
    if (!n) continue;
    visit(n);
    const values = Object.values(n);
    for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null && typeof values[i] === 'object') stack.push(values[i]);
  }
}

/** WHERE, ON and HAVING expressions of the statement and of every query inside it, in written order. */
export function conditionsOf(stmt: ParsedStatement): unknown[] {
  const out: unknown[] = [];
  walk(stmt.ast, (n) => {
    if (Array.isArray(n.from) || Array.isArray(n.table)) {
      for (const item of [...(Array.isArray(n.table) ? n.table : []), ...(Array.isArray(n.from) ? n.from : [])]) {
        const on = obj(item)?.on;
        if (on) out.push(on);
      }
    }
    if (obj(n.where)) out.push(n.where);
    if (obj(n.having)) out.push(n.having);
  });
  return out;
}

/**
 * Every node of the statement's conditions, once, in written order (a subquery's WHERE is visited where it stands
 * inside the enclosing condition).
 */
export function eachConditionNode(stmt: ParsedStatement, visit: (n: Node) => void): void {
  const seen = new Set<Node>();
  for (const cond of conditionsOf(stmt)) {
    walk(cond, (n) => {
      if (seen.has(n)) return;
      seen.add(n);
      visit(n);
    });
  }
}

/** Just the statement's own WHERE (UPDATE, DELETE, SELECT, INSERT … SELECT's SELECT). */
export function ownWhereOf(stmt: ParsedStatement): unknown {
  const ast = obj(stmt.ast);
  const select = obj(ast?.values)?.type === 'select' ? obj(ast!.values) : null;
  return (select ?? ast)?.where ?? null;
}

export interface TableRef {
  db: string | null;
  name: string;
  alias: string | null;
}

/** Tables named anywhere in the statement (FROM, JOIN, UPDATE/DELETE/INSERT tables, subqueries), in order. */
export function tableRefsOf(stmt: ParsedStatement): TableRef[] {
  const out: TableRef[] = [];
  walk(stmt.ast, (n) => {
    for (const key of ['table', 'from'] as const) {
      const list = n[key];
      if (!Array.isArray(list)) continue;
      for (const item of list) {
        const t = obj(item);
        const name = identText(t?.table);
        if (t && name !== null) out.push({ db: identText(t.db), name, alias: identText(t.as) });
      }
    }
  });
  return out;
}

export interface ResolvedColumn {
  table: TableInfo;
  /** The table's alias as written, null when not aliased. */
  alias: string | null;
  column: ColumnInfo;
}

/** Looks columns of the statement up in its tables (loaded once per statement). */
export class ColumnResolver {
  private constructor(private readonly tables: { ref: TableRef; info: TableInfo }[]) {}

  static async of(stmt: ParsedStatement, ctx: RuleContext): Promise<ColumnResolver> {
    const tables: { ref: TableRef; info: TableInfo }[] = [];
    for (const ref of tableRefsOf(stmt)) {
      const info = await ctx.table(ref);
      if (info) tables.push({ ref, info });
    }
    return new ColumnResolver(tables);
  }

  /** The table and column a column reference node names; null when it is not a column or not found. */
  resolve(node: unknown): ResolvedColumn | null {
    const ref = columnRefOf(node);
    if (!ref) return null;
    const q = ref.table?.toLowerCase() ?? null;
    for (const { ref: t, info } of this.tables) {
      if (q !== null && (t.alias ?? t.name).toLowerCase() !== q) continue;
      const column = columnOf(info, ref.column);
      if (column) return { table: info, alias: t.alias, column };
      if (q !== null) return null;
    }
    return null;
  }
}

export const COMPARISONS: ReadonlySet<string> = new Set(['=', '<>', '!=', '<', '<=', '>', '>=', '<=>']);

/** Whether a node is a literal: number, string, boolean, NULL, hex or bit string. */
export function isLiteralNode(v: unknown): boolean {
  const t = obj(v)?.type;
  return typeof t === 'string' && LITERALS.has(t);
}
const LITERALS = new Set(['number', 'bigint', 'single_quote_string', 'double_quote_string', 'natural_string', 'bool', 'boolean', 'null', 'hex_string', 'full_hex_string', 'bit_string']);
