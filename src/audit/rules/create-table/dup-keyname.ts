// CREATE TABLE: a KEY / INDEX / UNIQUE constraint whose name an earlier one already has (case-insensitive; an
// unnamed one goes by its first column; FULLTEXT, SPATIAL, PRIMARY KEY and inline UNIQUE are not compared)
// (arg the later name) (docs/audit.md "Index rules").
import { Code } from '../../../codes/catalogue.js';
import { statementKeys } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_DUP_KEYNAME,
  on: ['create_table'],
  async check(stmt, ctx) {
    const seen = new Set<string>();
    for (const ix of (await statementKeys(stmt, ctx))?.indexes ?? []) {
      if (ix.inline || (ix.kind !== 'index' && ix.kind !== 'unique')) continue;
      const name = ix.name || (ix.columns[0]?.written ?? '');
      if (seen.has(name.toLowerCase())) ctx.reportAt(ix.at, name);
      seen.add(name.toLowerCase());
    }
  },
});
