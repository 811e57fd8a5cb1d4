// check_identifier: a new name with a character outside [0-9A-Za-z_], e.g. `$` (docs/audit.md "Identifier rules").
import { Code } from '../../../codes/catalogue.js';
import { hasInvalidCharacter } from '../../identifier.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_INVALID_IDENT,
  on: ['create_table', 'alter_table', 'create_database', 'rename_table'],
  gate: (inc) => inc.check_identifier,
  async check(_stmt, ctx) {
    for (const { at, name } of await ctx.facts.newIdentifiers()) if (hasInvalidCharacter(name)) ctx.reportAt(at, name);
  },
});
