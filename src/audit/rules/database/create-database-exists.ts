// CREATE DATABASE of an existing database without IF NOT EXISTS: goInception's hard-coded Chinese text (docs/audit.md).
import { defineRule } from '../../rule.js';
import { databaseNameOf, hasIfNotExists } from '../../../sql/ast.js';

export default defineRule({
  code: null,
  on: ['create_database'],
  async check(stmt, ctx) {
    const db = databaseNameOf(stmt);
    if (db === null || !(await ctx.snapshot.databaseExists(db))) return;
    if (!hasIfNotExists(stmt)) ctx.error(`数据库'${db}'已存在.`);
    ctx.stop();
  },
});
