// ONLY_FULL_GROUP_BY analysis of one SELECT block (docs/audit.md "ONLY_FULL_GROUP_BY"), shared by
// query/mix-group-func (aggregate without GROUP BY) and query/field-not-in-group-by. Runs only when the target's
// sql_mode has ONLY_FULL_GROUP_BY. A column is covered by GROUP BY when it is grouped itself (by name, alias or
// position), or, on MySQL (not MariaDB, which refuses it), when GROUP BY holds every primary-key column of its
// table (functional dependence).
import type { RuleContext } from '../../rule.js';
import { columnRefOf, identText } from '../../../sql/ast.js';
import type { ParsedStatement } from '../../../sql/statement.js';
import { ColumnResolver, obj, walk, type Node } from './conditions.js';

/** MySQL (not MariaDB) accepts columns functionally dependent on a grouped primary key. */
export function judgesKeyDependence(ctx: RuleContext): boolean {
  return !/mariadb/i.test(ctx.serverInfo.version);
}

/** The last sql_mode read and whether it has ONLY_FULL_GROUP_BY (every statement of a batch asks for the same). */
let lastSqlMode: string | null = null;
let lastFullGroupBy = false;

export function onlyFullGroupBy(ctx: RuleContext): boolean {
  const sqlMode = ctx.serverInfo.sqlMode;
  if (sqlMode !== lastSqlMode) {
    lastFullGroupBy = sqlMode.toUpperCase().split(',').some((m) => m.trim() === 'ONLY_FULL_GROUP_BY');
    lastSqlMode = sqlMode;
  }
  return lastFullGroupBy;
}

/** Every SELECT block of the statement (UNION members, subqueries, derived tables, INSERT … SELECT). */
export function selectBlocks(stmt: ParsedStatement): Node[] {
  const out: Node[] = [];
  walk(stmt.ast, (n) => {
    if (n.type === 'select' && Array.isArray(n.columns) && Array.isArray(n.from) && n.from.length > 0) out.push(n);
  });
  return out;
}

export function isAggregate(n: Node): boolean {
  return n.type === 'aggr_func';
}

/** Column references of an expression outside aggregates and subqueries. */
export function bareColumns(expr: unknown): Node[] {
  const out: Node[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    const n = obj(v);
    if (!n || isAggregate(n) || n.ast || n.type === 'select') return;
    if (n.type === 'column_ref') {
      if (columnRefOf(n)) out.push(n);
      return;
    }
    for (const c of Object.values(n)) if (c !== null && typeof c === 'object') visit(c);
  };
  visit(expr);
  return out;
}

export function hasAggregate(expr: unknown): boolean {
  let found = false;
  walk(expr, (n) => {
    if (isAggregate(n)) found = true;
  });
  return found;
}

export interface SelectItem {
  expr: unknown;
  alias: string | null;
}

export function selectItems(block: Node): SelectItem[] {
  return (block.columns as unknown[]).map((c) => ({ expr: obj(c)?.expr, alias: identText(obj(c)?.as) }));
}

export function groupItems(block: Node): unknown[] {
  const g = obj(block.groupby);
  return Array.isArray(g?.columns) ? (g!.columns as unknown[]) : Array.isArray(block.groupby) ? (block.groupby as unknown[]) : [];
}

/** The GROUP BY of one block, resolved: grouped expressions (by position and alias too) and grouped columns. */
export class Grouping {
  private readonly exprs = new Set<string>();
  private readonly columns: { table: string | null; column: string }[] = [];
  /** Aliases of aggregate select items used in GROUP BY (`Can't group on`). */
  readonly aggregateAliases: string[] = [];

  constructor(
    block: Node,
    private readonly resolver: ColumnResolver,
    /** The target judges functional dependence on a primary key (MySQL 5.7+; MariaDB does not). */
    private readonly keyDependence: boolean,
  ) {
    const items = selectItems(block);
    for (const g of groupItems(block)) {
      const n = obj(g);
      let expr: unknown = g;
      if (n?.type === 'number' && Number.isInteger(Number(n.value))) expr = items[Number(n.value) - 1]?.expr;
      const ref = columnRefOf(g);
      if (ref && ref.table === null) {
        const aliased = items.find((i) => i.alias !== null && i.alias.toLowerCase() === ref.column.toLowerCase());
        if (aliased) {
          if (hasAggregate(aliased.expr)) this.aggregateAliases.push(ref.column);
          expr = aliased.expr;
        }
      }
      this.exprs.add(shape(expr));
      const single = columnRefOf(expr);
      if (single) this.columns.push({ table: single.table?.toLowerCase() ?? null, column: single.column.toLowerCase() });
    }
  }

  /** Whether the expression is grouped itself, or every column outside its aggregates is covered. */
  covers(expr: unknown): Node | null {
    if (this.exprs.has(shape(expr))) return null;
    for (const c of bareColumns(expr)) if (!this.coversColumn(c)) return c;
    return null;
  }

  private coversColumn(node: Node): boolean {
    const ref = columnRefOf(node)!;
    const t = ref.table?.toLowerCase() ?? null;
    const col = ref.column.toLowerCase();
    if (this.columns.some((g) => g.column === col && (g.table === null || t === null || g.table === t))) return true;
    const found = this.keyDependence ? this.resolver.resolve(node) : null;
    if (!found) return false;
    const pk = found.table.indexes.filter((i) => i.keyName === 'PRIMARY').map((i) => i.columnName.toLowerCase());
    if (pk.length === 0) return false;
    const label = (found.alias ?? found.table.name).toLowerCase();
    return pk.every((p) => this.columns.some((g) => g.column === p && (g.table === null || g.table === label)));
  }
}

/** A comparable form of an expression: its tree without letter case of names. */
function shape(expr: unknown): string {
  return JSON.stringify(expr, (k, v) => (k === 'loc' ? undefined : typeof v === 'string' ? v.toLowerCase() : v));
}

export async function resolverFor(stmt: ParsedStatement, ctx: RuleContext): Promise<ColumnResolver> {
  return ColumnResolver.of(stmt, ctx);
}

/** An expression printed the way goInception's messages show it: upper-case functions, back-quoted names. */
export function printExpr(expr: unknown): string {
  const n = obj(expr);
  if (!n) return '';
  switch (n.type) {
    case 'column_ref': {
      const ref = columnRefOf(n);
      return ref ? [ref.table, ref.column].filter((p) => p !== null).map((p) => `\`${p}\``).join('.') : '';
    }
    case 'number':
    case 'bigint':
      return String(n.value);
    case 'single_quote_string':
    case 'double_quote_string':
      return `'${String(n.value)}'`;
    case 'null':
      return 'NULL';
    case 'binary_expr': {
      const op = String(n.operator);
      // word operators are spaced (`a AND b`), symbols are not (`a=b`)
      return /[a-z]/i.test(op) ? `${printExpr(n.left)} ${op.toUpperCase()} ${printExpr(n.right)}` : `${printExpr(n.left)}${op}${printExpr(n.right)}`;
    }
    case 'function':
    case 'aggr_func': {
      const name = typeof n.name === 'string' ? n.name : String(obj((obj(n.name)?.name as unknown[] | undefined)?.[0])?.value ?? '');
      const args = obj(n.args);
      const list = Array.isArray(args?.value) ? (args!.value as unknown[]) : args?.expr ? [args.expr] : [];
      return `${name.toUpperCase()}(${list.map((a) => (obj(a)?.type === 'star' ? '*' : printExpr(a))).join(', ')})`;
    }
    default:
      return String(n.value ?? n.type ?? '');
  }
}
