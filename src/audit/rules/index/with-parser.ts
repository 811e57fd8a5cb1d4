// `WITH PARSER` on an index that is not FULLTEXT: goInception's free text, among the whole-index messages
// (docs/audit.md "Index rules").
import { statementKeys } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: null,
  on: ['create_table', 'alter_table', 'create_index'],
  async check(stmt, ctx) {
    for (const ix of (await statementKeys(stmt, ctx))?.indexes ?? []) {
      if (ix.def.parser !== null && ix.kind !== 'fulltext') ctx.errorAt(ix.at, 'WITH PARSER option can be used only with FULLTEXT indexes');
    }
  },
});
