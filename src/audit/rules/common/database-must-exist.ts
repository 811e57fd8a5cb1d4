// The schema of the statement's table(s) must exist (created earlier in the batch counts) (docs/audit.md).
import { Code } from '../../catalogue.js';
import { defineRule } from '../../rule.js';
import { tablesOf } from '../../../sql/ast.js';

export default defineRule({
  code: Code.ER_DB_NOT_EXISTED_ERROR,
  on: ['create_table', 'insert', 'replace', 'update', 'delete', 'alter_table', 'create_index', 'drop_index', 'create_view'],
  async check(stmt, ctx) {
    for (const t of tablesOf(stmt)) {
      const db = ctx.dbOf(t);
      if (db !== null && !(await ctx.snapshot.databaseExists(db))) {
        ctx.report(db);
        ctx.stop();
        return;
      }
    }
  },
});
