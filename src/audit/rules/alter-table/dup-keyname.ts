// RENAME INDEX a TO b where b exists (docs/audit.md).
import { Code } from '../../catalogue.js';
import { defineRule } from '../../rule.js';
import { findingsOf } from './findings.js';

export default defineRule({
  code: Code.ER_DUP_KEYNAME,
  on: ['alter_table'],
  async check(stmt, ctx) {
    for (const name of (await findingsOf(stmt, ctx))?.findings.dupKeyName ?? []) ctx.report(name);
  },
});
