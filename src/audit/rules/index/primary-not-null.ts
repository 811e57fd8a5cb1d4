// A PRIMARY KEY column that may be NULL: declared NULL or DEFAULT NULL, or nullable on the target (no arguments)
// (docs/audit.md "Index rules").
import { Code } from '../../../codes/catalogue.js';
import { statementKeys } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_PRIMARY_CANT_HAVE_NULL,
  on: ['create_table', 'alter_table'],
  async check(stmt, ctx) {
    for (const ix of (await statementKeys(stmt, ctx))?.indexes ?? []) {
      if (ix.kind !== 'primary') continue;
      for (const c of ix.columns) if (c.info?.nullable) ctx.reportAt(ix.at);
    }
  },
});
