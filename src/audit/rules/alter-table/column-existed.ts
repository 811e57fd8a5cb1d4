// ADD COLUMN of an existing column; CHANGE/RENAME COLUMN to an existing name (arg table.col) (docs/audit.md).
import { Code } from '../../catalogue.js';
import { defineRule } from '../../rule.js';
import { findingsOf } from './findings.js';

export default defineRule({
  code: Code.ER_COLUMN_EXISTED,
  on: ['alter_table'],
  async check(stmt, ctx) {
    for (const c of (await findingsOf(stmt, ctx))?.findings.columnExisted ?? []) ctx.report(c);
  },
});
