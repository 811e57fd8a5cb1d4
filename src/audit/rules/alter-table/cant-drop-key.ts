// DROP INDEX / DROP PRIMARY KEY / RENAME INDEX of a missing index (arg table.index) (docs/audit.md).
import { Code } from '../../catalogue.js';
import { defineRule } from '../../rule.js';
import { findingsOf } from './findings.js';

export default defineRule({
  code: Code.ER_CANT_DROP_FIELD_OR_KEY,
  on: ['alter_table', 'drop_index'],
  async check(stmt, ctx) {
    for (const k of (await findingsOf(stmt, ctx))?.findings.cantDrop ?? []) ctx.report(k);
  },
});
