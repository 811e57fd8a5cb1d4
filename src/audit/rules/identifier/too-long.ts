// A new name longer than 64 bytes (docs/audit.md "Identifier rules").
import { Code } from '../../../codes/catalogue.js';
import { MAX_IDENTIFIER_BYTES } from '../../identifier.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_TOO_LONG_IDENT,
  on: ['create_table', 'alter_table', 'create_database', 'rename_table'],
  async check(_stmt, ctx) {
    for (const { at, name } of await ctx.facts.newIdentifiers()) if (Buffer.byteLength(name, 'utf8') > MAX_IDENTIFIER_BYTES) ctx.reportAt(at, name);
  },
});
