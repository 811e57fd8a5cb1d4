// ALTER TABLE / CREATE INDEX / DROP INDEX need the table (missing or dropped earlier in the batch); nothing else
// is checked without it (docs/audit.md).
import { Code } from '../../catalogue.js';
import { defineRule } from '../../rule.js';
import { tablesOf } from '../../../sql/ast.js';

export default defineRule({
  code: Code.ER_TABLE_NOT_EXISTED_ERROR,
  on: ['alter_table', 'create_index', 'drop_index'],
  async check(stmt, ctx) {
    const [ref] = tablesOf(stmt);
    if (!ref || (await ctx.table(ref))) return;
    ctx.report(`${ctx.dbOf(ref)}.${ref.name}`);
    ctx.stop();
  },
});
