// RENAME TABLE a TO b: a must exist (docs/audit.md).
import { Code } from '../../catalogue.js';
import { defineRule } from '../../rule.js';
import { renameFindings } from './pairs.js';

export default defineRule({
  code: Code.ER_TABLE_NOT_EXISTED_ERROR,
  on: ['rename_table'],
  async check(stmt, ctx) {
    for (const t of (await renameFindings(stmt, ctx)).missingSources) ctx.report(t);
  },
});
