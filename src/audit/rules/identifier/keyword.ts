// A new name that is a MySQL keyword, unless enable_identifer_keyword (sic) (docs/audit.md "Identifier rules").
import { Code } from '../../../codes/catalogue.js';
import { isKeyword, keywordTested } from '../../identifier.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_IDENT_USE_KEYWORD,
  on: ['create_table', 'alter_table', 'create_database', 'rename_table'],
  gate: (inc) => !inc.enable_identifer_keyword,
  async check(_stmt, ctx) {
    for (const { at, name } of await ctx.facts.newIdentifiers()) if (keywordTested(name, ctx.inc) && isKeyword(name)) ctx.reportAt(at, name);
  },
});
