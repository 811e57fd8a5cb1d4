// check_identifier_lower: a new name that is not all lower case (docs/audit.md "Identifier rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ErrIdentifierLower,
  on: ['create_table', 'alter_table', 'create_database', 'rename_table'],
  gate: (inc) => inc.check_identifier_lower,
  async check(_stmt, ctx) {
    for (const { at, name } of await ctx.facts.newIdentifiers()) if (name !== name.toLowerCase()) ctx.reportAt(at, name);
  },
});
