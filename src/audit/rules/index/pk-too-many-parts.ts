// A PRIMARY KEY with more columns than max_primary_key_parts (args db, table, limit) (docs/audit.md "Index rules").
import { Code } from '../../../codes/catalogue.js';
import { statementKeys } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_PK_TOO_MANY_PARTS,
  on: ['create_table', 'alter_table'],
  gate: (inc) => inc.max_primary_key_parts > 0,
  async check(stmt, ctx) {
    for (const ix of (await statementKeys(stmt, ctx))?.indexes ?? []) {
      if (ix.kind === 'primary' && ix.def.parts.length > ctx.inc.max_primary_key_parts) ctx.reportAt(ix.at, ix.db, ix.table, ctx.inc.max_primary_key_parts);
    }
  },
});
