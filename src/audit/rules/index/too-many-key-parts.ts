// A non-primary index with more columns than max_key_parts, or a SPATIAL index with more than one (args index,
// table, limit) (docs/audit.md "Index rules").
import { Code } from '../../../codes/catalogue.js';
import { statementKeys } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_TOO_MANY_KEY_PARTS,
  on: ['create_table', 'alter_table', 'create_index'],
  async check(stmt, ctx) {
    for (const ix of (await statementKeys(stmt, ctx))?.indexes ?? []) {
      if (ix.kind === 'primary') continue;
      const parts = ix.def.parts.length;
      if (ix.kind === 'spatial' && parts > 1) ctx.reportAt(ix.at, ix.name, ix.table, 1);
      else if (ctx.inc.max_key_parts > 0 && parts > ctx.inc.max_key_parts) ctx.reportAt(ix.at, ix.name, ix.table, ctx.inc.max_key_parts);
    }
  },
});
