// A new index whose name the table already has (args index, db, table) (docs/audit.md).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_DUP_INDEX,
  on: ['alter_table', 'create_index'],
  async check(_stmt, ctx) {
    const found = await ctx.facts.alter();
    for (const f of found?.findings.dupIndex ?? []) ctx.reportAt(f.at, f.name, found!.table.db, found!.table.name);
  },
});
