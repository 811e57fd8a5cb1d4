// ADD COLUMN of an existing column; CHANGE/RENAME COLUMN to an existing name (arg table.col) (docs/audit.md).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_COLUMN_EXISTED,
  on: ['alter_table'],
  async check(_stmt, ctx) {
    for (const f of (await ctx.facts.alter())?.findings.columnExisted ?? []) ctx.reportAt(f.at, f.name);
  },
});
