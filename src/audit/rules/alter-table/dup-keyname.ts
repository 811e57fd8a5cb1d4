// RENAME INDEX a TO b where b exists (docs/audit.md).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_DUP_KEYNAME,
  on: ['alter_table'],
  async check(_stmt, ctx) {
    for (const f of (await ctx.facts.alter())?.findings.dupKeyName ?? []) ctx.reportAt(f.at, f.name);
  },
});
