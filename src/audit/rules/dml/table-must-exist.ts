// Tables of INSERT/REPLACE/UPDATE/DELETE must exist (dropped earlier in the batch counts as missing) (docs/audit.md).
import { Code } from '../../catalogue.js';
import { defineRule } from '../../rule.js';
import { tablesOf } from '../../../sql/ast.js';

export default defineRule({
  code: Code.ER_TABLE_NOT_EXISTED_ERROR,
  on: ['insert', 'replace', 'update', 'delete'],
  async check(stmt, ctx) {
    let missing = false;
    for (const t of tablesOf(stmt)) {
      if (!(await ctx.table(t))) {
        ctx.report(`${ctx.dbOf(t)}.${t.name}`);
        missing = true;
      }
    }
    if (missing) ctx.stop();
  },
});
