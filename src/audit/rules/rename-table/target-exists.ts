// RENAME TABLE a TO b: b must not exist (docs/audit.md).
import { Code } from '../../catalogue.js';
import { defineRule } from '../../rule.js';
import { renameFindings } from './pairs.js';

export default defineRule({
  code: Code.ER_TABLE_EXISTS_ERROR,
  on: ['rename_table'],
  async check(stmt, ctx) {
    for (const t of (await renameFindings(stmt, ctx)).existingTargets) ctx.report(t);
  },
});
