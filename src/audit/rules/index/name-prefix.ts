// check_index_prefix: a plain or FULLTEXT index whose lower-cased name starts with none of index_prefix's
// comma-separated items (args index, index_prefix, table) (docs/audit.md "Index rules").
import { Code } from '../../../codes/catalogue.js';
import { statementKeys } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_INDEX_NAME_IDX_PREFIX,
  on: ['create_table', 'alter_table', 'create_index'],
  gate: (inc) => inc.check_index_prefix && inc.index_prefix !== '',
  async check(stmt, ctx) {
    const prefixes = ctx.inc.index_prefix.split(',');
    for (const ix of (await statementKeys(stmt, ctx))?.indexes ?? []) {
      if (ix.kind !== 'index' && ix.kind !== 'fulltext') continue;
      const name = ix.name.toLowerCase();
      if (!prefixes.some((p) => name.startsWith(p))) ctx.reportAt(ix.at, ix.name, ctx.inc.index_prefix, ix.table);
    }
  },
});
