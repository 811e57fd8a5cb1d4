// An index COMMENT longer than 1024 bytes (args index, 1024 — printed through goInception's `%lu`)
// (docs/audit.md "Index rules").
import { Code } from '../../../codes/catalogue.js';
import { statementKeys } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_TOO_LONG_INDEX_COMMENT,
  on: ['create_table', 'alter_table', 'create_index'],
  async check(stmt, ctx) {
    for (const ix of (await statementKeys(stmt, ctx))?.indexes ?? []) {
      if (ix.def.comment !== null && Buffer.byteLength(ix.def.comment) > 1024) ctx.reportAt(ix.at, ix.name, 1024);
    }
  },
});
