// max_column_count: an ADD COLUMN spec that takes the table past the limit (args table, limit, count), the last
// message of that spec (docs/audit.md "Table rules"). As goInception counts: the live columns before the spec,
// generated ones left out, plus every column the spec names, including one that already exists.
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';
import { alterActionsOf } from '../../../sql/alter-actions.js';

export default defineRule({
  code: Code.ErrMaxColumnCount,
  on: ['alter_table'],
  gate: (inc) => inc.max_column_count > 0,
  async check(stmt, ctx) {
    const table = await ctx.facts.target();
    if (!table) return;
    const max = ctx.inc.max_column_count;
    const live = new Set(table.columns.filter((c) => !/generated/i.test(c.extra)).map((c) => c.field.toLowerCase()));
    const skipped = await ctx.facts.skippedSpecs();
    alterActionsOf(stmt).forEach((a, at) => {
      if (a.op === 'add_column') {
        const count = live.size + a.columns.length;
        if (count > max) ctx.reportAt(at, table.name, max, count);
        for (const c of a.columns) if (!c.model?.generated) live.add(c.name.toLowerCase());
      } else if (a.op === 'drop_column') {
        live.delete(a.column.toLowerCase());
      } else if ((a.op === 'change_column' && !skipped.has(at)) || a.op === 'rename_column') {
        const to = a.op === 'change_column' ? a.column.name : a.to;
        if (live.delete(a.old.toLowerCase())) live.add(to.toLowerCase());
      }
    });
  },
});
