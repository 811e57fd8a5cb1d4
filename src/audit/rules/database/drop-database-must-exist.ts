// DROP DATABASE of a missing database without IF EXISTS (docs/audit.md).
import { Code } from '../../catalogue.js';
import { defineRule } from '../../rule.js';
import { databaseNameOf, hasIfExists } from '../../../sql/ast.js';

export default defineRule({
  code: Code.ER_DB_NOT_EXISTED_ERROR,
  on: ['drop_database'],
  async check(stmt, ctx) {
    const db = databaseNameOf(stmt);
    if (db === null || hasIfExists(stmt) || (await ctx.snapshot.databaseExists(db))) return;
    ctx.report(db);
    ctx.stop();
  },
});
