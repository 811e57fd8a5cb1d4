// Index names MySQL refuses or goInception asks for (args name, table): an unnamed index unless
// enable_null_index_name ('NULL'), a name ending with a space, a non-primary index named PRIMARY
// (docs/audit.md "Index rules").
import { Code } from '../../../codes/catalogue.js';
import { statementKeys } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_WRONG_NAME_FOR_INDEX,
  on: ['create_table', 'alter_table', 'create_index'],
  async check(stmt, ctx) {
    for (const ix of (await statementKeys(stmt, ctx))?.indexes ?? []) {
      if (ix.kind === 'primary') continue;
      if (ix.name === '') {
        if (!ctx.inc.enable_null_index_name) ctx.reportAt(ix.at, 'NULL', ix.table);
      } else if (ix.name.endsWith(' ')) ctx.reportAt(ix.at, ix.name, ix.table);
      else if (ix.name.toUpperCase() === 'PRIMARY') ctx.reportAt(ix.at, ix.name, ix.table);
    }
  },
});
