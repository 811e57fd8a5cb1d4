// check_identifier_lower on index names: a named, non-primary index whose name has an upper-case letter
// (docs/audit.md "Index rules").
import { Code } from '../../../codes/catalogue.js';
import { namedIndexes } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ErrIdentifierLower,
  on: ['create_table', 'alter_table', 'create_index'],
  gate: (inc) => inc.check_identifier_lower,
  async check(stmt, ctx) {
    for (const ix of await namedIndexes(stmt, ctx)) if (ix.name !== ix.name.toLowerCase()) ctx.reportAt(ix.at, ix.name);
  },
});
