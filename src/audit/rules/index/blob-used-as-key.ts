// A key column whose stored type is a BLOB (TEXT is not flagged, as in goInception) (arg the stored column name)
// (docs/audit.md "Index rules").
import { Code } from '../../../codes/catalogue.js';
import { statementKeys } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_BLOB_USED_AS_KEY,
  on: ['create_table', 'alter_table', 'create_index'],
  async check(stmt, ctx) {
    for (const ix of (await statementKeys(stmt, ctx))?.indexes ?? []) {
      for (const c of ix.columns) if (c.info && c.info.type.toLowerCase().includes('blob')) ctx.reportAt(ix.at, c.info.field);
    }
  },
});
