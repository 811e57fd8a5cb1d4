// INSERT … SELECT … ORDER BY RAND() unless enable_orderby_rand (docs/audit.md).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';
import { insertSelectOf } from '../../../sql/ast.js';
import { lastMember } from './union.js';

function isRand(expr: unknown): boolean {
  const e = expr as { type?: unknown; name?: { name?: { value?: unknown }[] } } | null;
  return e?.type === 'function' && String(e.name?.name?.[0]?.value ?? '').toLowerCase() === 'rand';
}

export default defineRule({
  code: Code.ER_ORDERY_BY_RAND,
  on: ['insert', 'replace'],
  queriesOnly: true,
  gate: (inc) => !inc.enable_orderby_rand,
  check(stmt, ctx) {
    const order = lastMember(insertSelectOf(stmt))?.orderby;
    if (Array.isArray(order) && order.some((o) => isRand((o as { expr?: unknown } | null)?.expr))) ctx.report();
  },
});
