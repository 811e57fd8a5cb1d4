// VISIBLE / INVISIBLE on an index (definition option or ALTER INDEX) where the target does not read it: MariaDB
// and MySQL before 8.0 (no arguments). MariaDB's own IGNORED is not flagged (docs/audit.md "Index rules").
import { Code } from '../../../codes/catalogue.js';
import { statementKeys, supportsIndexVisibility } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

const WRITTEN = /\b(?:IN)?VISIBLE\b/i;

export default defineRule({
  code: Code.ErrUseIndexVisibility,
  on: ['create_table', 'alter_table', 'create_index'],
  async check(stmt, ctx) {
    if (supportsIndexVisibility(ctx.serverInfo.version)) return;
    for (const ix of (await statementKeys(stmt, ctx))?.indexes ?? []) {
      if (!ix.inline && ix.def.visible !== null && WRITTEN.test(ix.def.text)) ctx.reportAt(ix.at);
    }
    const ddl = stmt.ddl;
    if (ddl?.type !== 'alter_table') return;
    ddl.specs.forEach((spec, at) => {
      if (spec.op === 'alter_index_visibility' && WRITTEN.test(spec.text)) ctx.reportAt(at);
    });
  },
});
