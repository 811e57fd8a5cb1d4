// check_identifier_upper on index names: a named, non-primary index whose name has a lower-case letter (args the
// name; an inline UNIQUE of CREATE TABLE is named by its column in lower case) (docs/audit.md "Index rules").
import { Code } from '../../../codes/catalogue.js';
import { namedIndexes } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ErrIdentifierUpper,
  on: ['create_table', 'alter_table', 'create_index'],
  gate: (inc) => inc.check_identifier_upper,
  async check(stmt, ctx) {
    for (const ix of await namedIndexes(stmt, ctx)) if (ix.name !== ix.name.toUpperCase()) ctx.reportAt(ix.at, ix.name);
  },
});
