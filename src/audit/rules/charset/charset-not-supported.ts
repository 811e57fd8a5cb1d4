// support_charset: a character set outside the list (arg the support_charset value): table CHARSET and CREATE
// DATABASE CHARSET while enable_set_charset, ALTER TABLE … CONVERT TO and ALTER DATABASE always, a column
// CHARACTER SET while enable_column_charset (docs/audit.md "Charset and engine rules").
import { Code } from '../../../codes/catalogue.js';
import { allowList, columnCharsets, normalise, optionsNamed } from '../../charset-lists.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ErrCharsetNotSupport,
  on: ['create_table', 'alter_table', 'create_database', 'alter_database'],
  gate: (inc) => inc.support_charset !== '',
  async check(stmt, ctx) {
    const allowed = allowList(ctx.inc.support_charset);
    const found = optionsNamed(stmt, 'CHARSET').filter(
      (o) => o.from === 'convert' || stmt.kind === 'alter_database' || ctx.inc.enable_set_charset,
    );
    if (ctx.inc.enable_column_charset) found.push(...columnCharsets(await ctx.facts.columnWrites(), 'charset'));
    for (const o of found) if (!allowed.has(normalise(o.value))) ctx.reportAt(o.at, ctx.inc.support_charset);
  },
});
