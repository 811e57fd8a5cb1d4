// A new name listed in custom_keywords (and not a MySQL keyword, which is reported as such), unless
// enable_identifer_keyword (docs/audit.md "Identifier rules").
import { Code } from '../../../codes/catalogue.js';
import { isCustomKeyword, isKeyword, keywordTested } from '../../identifier.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_IDENT_USE_CUSTOM_KEYWORD,
  on: ['create_table', 'alter_table', 'create_database', 'rename_table'],
  gate: (inc) => !inc.enable_identifer_keyword && inc.custom_keywords.length > 0,
  async check(_stmt, ctx) {
    for (const { at, name } of await ctx.facts.newIdentifiers()) {
      if (keywordTested(name, ctx.inc) && !isKeyword(name) && isCustomKeyword(name, ctx.inc)) ctx.reportAt(at, name);
    }
  },
});
