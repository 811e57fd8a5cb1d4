// USE db: the database must exist on the target or have been created earlier in the batch (docs/audit.md).
import { Code } from '../../catalogue.js';
import { defineRule } from '../../rule.js';
import { databaseNameOf } from '../../../sql/ast.js';

export default defineRule({
  code: Code.ER_DB_NOT_EXISTED_ERROR,
  on: ['use'],
  async check(stmt, ctx) {
    const db = databaseNameOf(stmt);
    if (db !== null && !(await ctx.snapshot.databaseExists(db))) ctx.report(db);
  },
});
