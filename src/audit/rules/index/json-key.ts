// A key column of type JSON: goInception's free text `JSON column 'c' cannot be used in key specification.` with
// the stored column name, among the per-column key messages (docs/audit.md "Index rules").
import { baseType, statementKeys } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: null,
  on: ['create_table', 'alter_table', 'create_index'],
  async check(stmt, ctx) {
    for (const ix of (await statementKeys(stmt, ctx))?.indexes ?? []) {
      for (const c of ix.columns) {
        if (c.info && baseType(c.info.type) === 'json') ctx.errorAt(ix.at, `JSON column '${c.info.field}' cannot be used in key specification.`);
      }
    }
  },
});
