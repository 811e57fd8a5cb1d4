// check_index_prefix: a UNIQUE index whose lower-cased name does not start with uniq_index_prefix (args index,
// uniq_index_prefix, table); an inline UNIQUE is named after its column (docs/audit.md "Index rules").
import { Code } from '../../../codes/catalogue.js';
import { statementKeys } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_INDEX_NAME_UNIQ_PREFIX,
  on: ['create_table', 'alter_table', 'create_index'],
  gate: (inc) => inc.check_index_prefix,
  async check(stmt, ctx) {
    for (const ix of (await statementKeys(stmt, ctx))?.indexes ?? []) {
      if (ix.kind === 'unique' && !ix.name.toLowerCase().startsWith(ctx.inc.uniq_index_prefix)) ctx.reportAt(ix.at, ix.name, ctx.inc.uniq_index_prefix, ix.table);
    }
  },
});
