// DROP/MODIFY/CHANGE/RENAME/ALTER COLUMN, AFTER and index columns naming a missing column (arg table.col)
// (docs/audit.md).
import { Code } from '../../catalogue.js';
import { defineRule } from '../../rule.js';
import { findingsOf } from './findings.js';

export default defineRule({
  code: Code.ER_COLUMN_NOT_EXISTED,
  on: ['alter_table', 'create_index'],
  async check(stmt, ctx) {
    for (const c of (await findingsOf(stmt, ctx))?.findings.columnNotExisted ?? []) ctx.report(c);
  },
});
