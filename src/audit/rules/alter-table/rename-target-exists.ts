// ALTER TABLE … RENAME [TO] t2 where t2 exists (docs/audit.md).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';
import { alterActionsOf } from '../../../sql/alter-actions.js';

export default defineRule({
  code: Code.ER_TABLE_EXISTS_ERROR,
  on: ['alter_table'],
  async check(stmt, ctx) {
    for (const [at, a] of alterActionsOf(stmt).entries()) {
      if (a.op === 'rename_table' && (await ctx.table(a.to))) ctx.reportAt(at, a.to.name);
    }
  },
});
