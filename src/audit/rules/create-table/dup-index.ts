// CREATE TABLE: an index whose name an earlier index of the statement has (case-insensitive, PRIMARY included;
// two unnamed ones clash as '' unless enable_null_index_name) (args index, db, table). ALTER and CREATE INDEX
// report it through alter-table/dup-index (docs/audit.md "Index rules").
import { Code } from '../../../codes/catalogue.js';
import { statementKeys } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_DUP_INDEX,
  on: ['create_table'],
  async check(stmt, ctx) {
    const seen = new Set<string>();
    for (const ix of (await statementKeys(stmt, ctx))?.indexes ?? []) {
      // A second PRIMARY KEY is ER_MULTIPLE_PRI_KEY's (create-table/multiple-primary-key).
      if (ix.kind === 'primary') continue;
      const name = ix.name.toLowerCase();
      if (seen.has(name) && (name !== '' || !ctx.inc.enable_null_index_name)) ctx.reportAt(ix.at, ix.name, ix.db, ix.table);
      seen.add(name);
    }
  },
});
