// A SPATIAL index over a column that may be NULL: goInception's free text, once per such key column, after the
// PRIMARY KEY null check (docs/audit.md "Index rules").
import { statementKeys } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: null,
  on: ['create_table', 'alter_table', 'create_index'],
  async check(stmt, ctx) {
    for (const ix of (await statementKeys(stmt, ctx))?.indexes ?? []) {
      if (ix.kind !== 'spatial') continue;
      for (const c of ix.columns) if (c.info?.nullable) ctx.errorAt(ix.at, 'All parts of a SPATIAL index must be NOT NULL');
    }
  },
});
