// UPDATE/DELETE whose WHERE is a bare literal, or `literal <op> literal` for arithmetic/logical operators
// (`where 1`, `where 1 and 1`); comparisons such as `1 = 1` are not flagged (docs/audit.md, code 176).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';
import { whereOf } from '../../../sql/ast.js';

const LITERALS = new Set(['number', 'single_quote_string', 'double_quote_string', 'bool', 'boolean', 'null', 'hex_string', 'full_hex_string', 'bit_string', 'natural_string']);
const OPERATORS = new Set(['AND', 'OR', 'XOR', '&&', '||', '&', '|', '+', '-', '*', '/', 'DIV', 'MOD', '%']);

type Expr = { type?: unknown; operator?: unknown; left?: unknown; right?: unknown } | null;

export function isValueExpression(where: unknown): boolean {
  const e = where as Expr;
  if (!e || typeof e !== 'object') return false;
  if (typeof e.type === 'string' && LITERALS.has(e.type)) return true;
  if (e.type !== 'binary_expr' || !OPERATORS.has(String(e.operator).toUpperCase())) return false;
  const lit = (x: unknown) => typeof (x as Expr)?.type === 'string' && LITERALS.has((x as { type: string }).type);
  return lit(e.left) && lit(e.right);
}

export default defineRule({
  code: Code.ErrUseValueExpr,
  on: ['update', 'delete'],
  check(stmt, ctx) {
    if (isValueExpression(whereOf(stmt))) ctx.report();
  },
});
