// check_identifier_upper: a new name that is not all upper case (docs/audit.md "Identifier rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ErrIdentifierUpper,
  on: ['create_table', 'alter_table', 'create_database', 'rename_table'],
  gate: (inc) => inc.check_identifier_upper,
  async check(_stmt, ctx) {
    for (const { at, name } of await ctx.facts.newIdentifiers()) if (name !== name.toUpperCase()) ctx.reportAt(at, name);
  },
});
