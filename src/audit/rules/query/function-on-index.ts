// Peer rule check_dml_function_on_index: a function or arithmetic wrapping an indexed column in a condition
// (`upper(name) = …`, `id + 1 = 5`) keeps the server from using that index (docs/audit.md "Peer rules").
// Argument: `table.column` (alias as written, else the table's name), once per column.
import { defineRule } from '../../rule.js';
import { PeerCode } from '../../../codes/peer-codes.js';
import { ColumnResolver, eachConditionNode, obj, type Node } from './conditions.js';

const ARITHMETIC = new Set(['+', '-', '*', '/', 'DIV', '%', 'MOD', '||', '&', '|', '^', '<<', '>>']);

/** Column references directly inside a function or arithmetic node (not inside subqueries). */
function wrappedColumns(n: Node): Node[] {
  const out: Node[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    const c = obj(v);
    if (!c || c.ast || c.type === 'select') return;
    if (c.type === 'column_ref') out.push(c);
    else for (const x of Object.values(c)) if (x !== null && typeof x === 'object') visit(x);
  };
  visit(n.type === 'binary_expr' ? [n.left, n.right] : n.args);
  return out;
}

export default defineRule({
  code: PeerCode.ErrFunctionOnIndexedColumn,
  on: ['select', 'insert', 'replace', 'update', 'delete'],
  queriesOnly: true,
  gate: (inc) => inc.check_dml_function_on_index,
  async check(stmt, ctx) {
    const wrapped: Node[] = [];
    eachConditionNode(stmt, (n) => {
      const arithmetic = n.type === 'binary_expr' && ARITHMETIC.has(String(n.operator).toUpperCase());
      if (n.type === 'function' || arithmetic) wrapped.push(...wrappedColumns(n));
    });
    if (wrapped.length === 0) return;
    const columns = await ColumnResolver.of(stmt, ctx);
    const reported = new Set<string>();
    for (const ref of wrapped) {
      const found = columns.resolve(ref);
      if (!found) continue;
      const name = found.column.field.toLowerCase();
      if (!found.table.indexes.some((i) => i.columnName.toLowerCase() === name)) continue;
      const text = `${found.alias ?? found.table.name}.${found.column.field}`;
      if (!reported.has(text)) {
        reported.add(text);
        ctx.report(text);
      }
    }
  },
});
