// max_keys: an index added while the table already has that many live indexes, counting the statement's earlier
// ones (args table, limit) (docs/audit.md "Index rules").
import { Code } from '../../../codes/catalogue.js';
import { statementKeys } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_TOO_MANY_KEYS,
  on: ['create_table', 'alter_table', 'create_index'],
  gate: (inc) => inc.max_keys > 0,
  async check(stmt, ctx) {
    for (const ix of (await statementKeys(stmt, ctx))?.indexes ?? []) {
      if (ix.before.length >= ctx.inc.max_keys) ctx.reportAt(ix.at, ix.table, ctx.inc.max_keys);
    }
  },
});
