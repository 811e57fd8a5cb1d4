// check_column_position_change: ADD / MODIFY / CHANGE COLUMN with FIRST or AFTER (arg table.col, the definition's
// name) (docs/audit.md "Table rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ErCantChangeColumnPosition,
  on: ['alter_table'],
  gate: (inc) => inc.check_column_position_change,
  async check(stmt, ctx) {
    const ddl = stmt.ddl;
    if (ddl?.type !== 'alter_table') return;
    // A MODIFY / CHANGE naming another table's column gets only its qualifier message.
    const skipped = await ctx.facts.skippedSpecs();
    ddl.specs.forEach((spec, at) => {
      if (skipped.has(at)) return;
      if ((spec.op === 'modify_column' || spec.op === 'change_column') && spec.position) ctx.reportAt(at, `${ctx.facts.tableName}.${spec.column.name}`);
      if (spec.op === 'add_column' && spec.position) for (const c of spec.columns) ctx.reportAt(at, `${ctx.facts.tableName}.${c.name}`);
    });
  },
});
