// DROP TABLE (without IF EXISTS) / TRUNCATE of a missing table (docs/audit.md).
import { Code } from '../../catalogue.js';
import { defineRule } from '../../rule.js';
import { hasIfExists, tablesOf } from '../../../sql/ast.js';

export default defineRule({
  code: Code.ER_TABLE_NOT_EXISTED_ERROR,
  on: ['drop_table', 'truncate_table'],
  async check(stmt, ctx) {
    if (stmt.kind === 'drop_table' && hasIfExists(stmt)) return;
    for (const t of tablesOf(stmt)) {
      if (!(await ctx.table(t))) ctx.report(`${ctx.dbOf(t)}.${t.name}`);
    }
  },
});
