// DROP/MODIFY/CHANGE/RENAME/ALTER COLUMN, AFTER and index columns naming a missing column (arg table.col)
// (docs/audit.md).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_COLUMN_NOT_EXISTED,
  on: ['alter_table', 'create_index'],
  async check(_stmt, ctx) {
    for (const f of (await ctx.facts.alter())?.findings.columnNotExisted ?? []) ctx.reportAt(f.at, f.name);
  },
});
