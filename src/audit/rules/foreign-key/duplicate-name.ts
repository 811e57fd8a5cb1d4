// enable_foreign_key: a named FOREIGN KEY added to a table that existed before the batch, whose name the
// database's foreign keys on the target already use (information_schema.KEY_COLUMN_USAGE) (arg the name)
// (docs/audit.md "Foreign-key rules").
import { Code } from '../../../codes/catalogue.js';
import { statementKeys } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ErrFkDupName,
  on: ['alter_table'],
  gate: (inc) => inc.enable_foreign_key,
  async check(stmt, ctx) {
    const table = await ctx.facts.target();
    if (!table || table.isNew) return;
    const fks = (await statementKeys(stmt, ctx))?.foreignKeys ?? [];
    if (fks.length === 0) return;
    const used = new Set((await ctx.foreignKeys(table.db)).map((f) => f.name.toLowerCase()));
    for (const fk of fks) {
      const name = fk.def.constraint ?? fk.def.name;
      if (name && used.has(name.toLowerCase())) ctx.reportAt(fk.at, name);
    }
  },
});
