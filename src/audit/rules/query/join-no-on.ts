// check_dml_where: a join without ON/USING (not NATURAL/STRAIGHT_JOIN) among an UPDATE's tables (docs/audit.md,
// code 174). goInception checks only UPDATE's table references, never a SELECT's (which it flattens into a table
// list first). Its joins nest to the left (`a JOIN b JOIN c` is `(a JOIN b) JOIN c`, so is `a, b, c`): a WHERE
// exempts the outermost join only, the nested ones are checked as if there were none, and inner joins come first.
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

type Node = Record<string, unknown>;

export default defineRule({
  code: Code.ErrJoinNoOnCondition,
  on: ['update'],
  gate: (inc) => inc.check_dml_where,
  check(stmt, ctx) {
    const ast = stmt.ast as Node | null;
    const items = Array.isArray(ast?.table) ? (ast.table as Node[]) : [];
    items.forEach((it, i) => {
      if (i === 0 || it.on || (Array.isArray(it.using) && it.using.length > 0) || /NATURAL|STRAIGHT/i.test(String(it.join ?? ''))) return;
      if (i === items.length - 1 && ast?.where) return;
      ctx.report();
    });
  },
});
