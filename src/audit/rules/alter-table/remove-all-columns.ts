// DROP COLUMN of the table's last live column (no arguments) (docs/audit.md "Table rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ErrCantRemoveAllFields,
  on: ['alter_table'],
  async check(stmt, ctx) {
    const ddl = stmt.ddl;
    if (ddl?.type !== 'alter_table' || !ddl.specs.some((s) => s.op === 'drop_column')) return;
    const table = await ctx.facts.target();
    if (!table) return;
    const live = new Set(table.columns.map((c) => c.field.toLowerCase()));
    ddl.specs.forEach((spec, at) => {
      if (spec.op === 'add_column') for (const c of spec.columns) live.add(c.name.toLowerCase());
      else if (spec.op === 'change_column' && live.delete(spec.old.toLowerCase())) live.add(spec.column.name.toLowerCase());
      else if (spec.op === 'drop_column' && live.has(spec.column.toLowerCase())) {
        if (live.size === 1) ctx.reportAt(at);
        else live.delete(spec.column.toLowerCase());
      }
    });
  },
});
