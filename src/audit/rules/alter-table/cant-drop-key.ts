// DROP INDEX / DROP PRIMARY KEY / RENAME INDEX of a missing index (arg table.index) (docs/audit.md).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_CANT_DROP_FIELD_OR_KEY,
  on: ['alter_table', 'drop_index'],
  async check(_stmt, ctx) {
    for (const f of (await ctx.facts.alter())?.findings.cantDrop ?? []) ctx.reportAt(f.at, f.name);
  },
});
