// CREATE TABLE of an existing table: error unless IF NOT EXISTS; either way nothing else is checked (docs/audit.md).
import { Code } from '../../catalogue.js';
import { defineRule } from '../../rule.js';
import { createTableOf } from '../../../sql/ast.js';

export default defineRule({
  code: Code.ER_TABLE_EXISTS_ERROR,
  on: ['create_table'],
  async check(stmt, ctx) {
    const shape = createTableOf(stmt);
    if (!shape?.table || !(await ctx.table(shape.table))) return;
    if (!shape.ifNotExists) ctx.report(shape.table.name);
    ctx.stop();
  },
});
