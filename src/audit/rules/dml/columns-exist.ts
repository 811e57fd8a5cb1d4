// UPDATE SET targets and the column references of UPDATE/DELETE WHERE clauses must resolve against the
// statement's tables (by alias or name when qualified, any table otherwise) (§3.10, §3.11).
import { Code } from '../../catalogue.js';
import { defineRule } from '../../rule.js';
import { columnRefsIn, tablesOf, updateSetOf, whereOf, type ColumnRef } from '../../../sql/ast.js';
import type { TableInfo } from '../../snapshot.js';

export default defineRule({
  code: Code.ER_COLUMN_NOT_EXISTED,
  on: ['update', 'delete'],
  async check(stmt, ctx) {
    const scope: { names: string[]; table: TableInfo }[] = [];
    for (const ref of tablesOf(stmt)) {
      const table = await ctx.table(ref);
      if (!table) return; // reported by dml/table-must-exist
      scope.push({ names: [ref.alias ?? ref.name].map((n) => n.toLowerCase()), table });
    }
    const has = (t: TableInfo, col: string) => t.columns.some((c) => c.field.toLowerCase() === col.toLowerCase());
    const resolves = (ref: ColumnRef) =>
      ref.table === null
        ? scope.some((s) => has(s.table, ref.column))
        : scope.some((s) => s.names.includes(ref.table!.toLowerCase()) && has(s.table, ref.column));
    const refs: ColumnRef[] = [
      ...updateSetOf(stmt).map((a) => ({ table: a.table, column: a.column })),
      ...updateSetOf(stmt).flatMap((a) => columnRefsIn(a.value)),
      ...columnRefsIn(whereOf(stmt)),
    ];
    const reported = new Set<string>();
    for (const ref of refs) {
      if (resolves(ref)) continue;
      const text = ref.table === null ? ref.column : `${ref.table}.${ref.column}`;
      if (!reported.has(text.toLowerCase())) ctx.report(text);
      reported.add(text.toLowerCase());
    }
  },
});
