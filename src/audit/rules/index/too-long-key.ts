// Key length limits (args index, limit): one column over 767 bytes where innodb_large_prefix is off (targets
// before MySQL 5.7.7 / MariaDB 10.2), else the whole key over 3072 bytes (not FULLTEXT, no BLOB column). Byte
// lengths use the column's character-set width (docs/audit.md "Index rules").
import { Code } from '../../../codes/catalogue.js';
import { keyPartBytes, largePrefix, statementKeys } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_TOO_LONG_KEY,
  on: ['create_table', 'alter_table', 'create_index'],
  async check(stmt, ctx) {
    const large = largePrefix(ctx.serverInfo.version);
    for (const ix of (await statementKeys(stmt, ctx))?.indexes ?? []) {
      let total = 0;
      let blob = false;
      let single = false;
      for (const c of ix.columns) {
        if (c.info?.type.toLowerCase().includes('blob')) {
          blob = true;
          continue;
        }
        const bytes = keyPartBytes(c);
        total += bytes;
        if (!large && !single && bytes > 767) {
          single = true;
          ctx.reportAt(ix.at, ix.name, 767);
        }
      }
      if (!single && !blob && ix.kind !== 'fulltext' && total > 3072) ctx.reportAt(ix.at, ix.name, 3072);
    }
  },
});
