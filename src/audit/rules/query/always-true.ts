// Peer rule check_dml_always_true: a WHERE, ON or HAVING that is true for every row, beyond goInception's bare
// literal check (ErrUseValueExpr): a column compared with itself (`id = id`), a comparison of equal literals
// (`1 = 1`, `'a' = 'a'`), an OR with such an operand, an AND of only such operands (docs/audit.md "Peer rules").
// Argument: the deciding predicate, re-printed. A top-level bare literal is left to ErrUseValueExpr.
import { defineRule } from '../../rule.js';
import { PeerCode } from '../../../codes/peer-codes.js';
import { columnRefOf } from '../../../sql/ast.js';
import { printExpr } from './group-by.js';
import { conditionsOf, isLiteralNode, obj, type Node } from './conditions.js';

const REFLEXIVE = new Set(['=', '<=>', '>=', '<=']);

function sameColumn(a: unknown, b: unknown): boolean {
  const x = columnRefOf(a);
  const y = columnRefOf(b);
  return x !== null && y !== null && x.column.toLowerCase() === y.column.toLowerCase() && (x.table ?? '').toLowerCase() === (y.table ?? '').toLowerCase();
}

function literal(v: unknown): string | number | null {
  const n = obj(v);
  if (!n || !isLiteralNode(n) || n.type === 'null') return null;
  if (n.type === 'number' || n.type === 'bigint' || n.type === 'bool' || n.type === 'boolean') return Number(n.value);
  return String(n.value);
}

function comparisonHolds(op: string, a: string | number, b: string | number): boolean {
  if (typeof a !== typeof b) return false;
  switch (op) {
    case '=':
    case '<=>':
      return a === b;
    case '<>':
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    default:
      return false;
  }
}

/** The predicate that makes `e` true for every row, or null. */
export function alwaysTrue(e: unknown): Node | null {
  const n = obj(e);
  if (!n) return null;
  const lit = literal(n);
  if (lit !== null) return typeof lit === 'number' && lit !== 0 ? n : null;
  if (n.type !== 'binary_expr') return null;
  const op = String(n.operator).toUpperCase();
  if (op === 'OR' || op === '||') return alwaysTrue(n.left) ?? alwaysTrue(n.right);
  if (op === 'AND' || op === '&&') return alwaysTrue(n.left) && alwaysTrue(n.right) ? n : null;
  if (REFLEXIVE.has(op) && sameColumn(n.left, n.right)) return n;
  const a = literal(n.left);
  const b = literal(n.right);
  return a !== null && b !== null && comparisonHolds(op, a, b) ? n : null;
}

export default defineRule({
  code: PeerCode.ErrAlwaysTruePredicate,
  on: ['select', 'insert', 'replace', 'update', 'delete'],
  queriesOnly: true,
  gate: (inc) => inc.check_dml_always_true,
  check(stmt, ctx) {
    for (const cond of conditionsOf(stmt)) {
      if (literal(cond) !== null) continue; // `where 1`: ErrUseValueExpr
      const found = alwaysTrue(cond);
      if (found) ctx.report(printExpr(found));
    }
  },
});
