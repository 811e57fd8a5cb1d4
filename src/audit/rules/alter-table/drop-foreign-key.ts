// enable_foreign_key: DROP FOREIGN KEY of a name the table (existing before the batch) does not have on the
// target, compared case-insensitively (arg the name as written) (docs/audit.md "Foreign-key rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_CANT_DROP_FIELD_OR_KEY,
  on: ['alter_table'],
  gate: (inc) => inc.enable_foreign_key,
  async check(stmt, ctx) {
    const ddl = stmt.ddl;
    if (ddl?.type !== 'alter_table' || !ddl.specs.some((s) => s.op === 'drop_foreign_key')) return;
    const table = await ctx.facts.target();
    if (!table || table.isNew) return;
    const names = new Set((await ctx.foreignKeys(table.db)).filter((f) => f.table.toLowerCase() === table.name.toLowerCase()).map((f) => f.name.toLowerCase()));
    ddl.specs.forEach((spec, at) => {
      if (spec.op === 'drop_foreign_key' && !spec.ifExists && !names.has(spec.name.toLowerCase())) ctx.reportAt(at, spec.name);
    });
  },
});
