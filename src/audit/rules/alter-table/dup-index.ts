// A new index whose name the table already has (args index, db, table) (docs/audit.md).
import { Code } from '../../catalogue.js';
import { defineRule } from '../../rule.js';
import { findingsOf } from './findings.js';

export default defineRule({
  code: Code.ER_DUP_INDEX,
  on: ['alter_table', 'create_index'],
  async check(stmt, ctx) {
    const found = await findingsOf(stmt, ctx);
    for (const name of found?.findings.dupIndex ?? []) ctx.report(name, found!.table.db, found!.table.name);
  },
});
