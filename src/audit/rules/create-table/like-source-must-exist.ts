// CREATE TABLE … LIKE src: the source table must exist (docs/audit.md).
import { Code } from '../../catalogue.js';
import { defineRule } from '../../rule.js';
import { createTableOf } from '../../../sql/ast.js';

export default defineRule({
  code: Code.ER_TABLE_NOT_EXISTED_ERROR,
  on: ['create_table'],
  async check(stmt, ctx) {
    const like = createTableOf(stmt)?.like;
    if (!like || (await ctx.table(like))) return;
    ctx.report(`${ctx.dbOf(like)}.${like.name}`);
    ctx.stop();
  },
});
