// An index or PRIMARY KEY listing the same column twice (arg the repeated column as written) (docs/audit.md
// "Index rules").
import { Code } from '../../../codes/catalogue.js';
import { statementKeys } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_DUP_FIELDNAME,
  on: ['create_table', 'alter_table', 'create_index'],
  async check(stmt, ctx) {
    for (const ix of (await statementKeys(stmt, ctx))?.indexes ?? []) {
      const seen = new Set<string>();
      for (const c of ix.columns) {
        const key = c.written.toLowerCase();
        if (seen.has(key)) ctx.reportAt(ix.at, c.written);
        seen.add(key);
      }
    }
  },
});
