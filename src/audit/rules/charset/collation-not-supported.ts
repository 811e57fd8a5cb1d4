// support_collation: a collation outside the list (arg the support_collation value; utf8mb3 counts as utf8):
// table and CREATE DATABASE COLLATE while enable_set_collation, ALTER DATABASE and CONVERT TO … COLLATE always,
// a column COLLATE while enable_column_charset (docs/audit.md "Charset and engine rules").
import { Code } from '../../../codes/catalogue.js';
import { allowList, columnCharsets, normalise, optionsNamed } from '../../charset-lists.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ErrCollationNotSupport,
  on: ['create_table', 'alter_table', 'create_database', 'alter_database'],
  gate: (inc) => inc.support_collation !== '',
  async check(stmt, ctx) {
    const allowed = allowList(ctx.inc.support_collation);
    const found = optionsNamed(stmt, 'COLLATE').filter(
      (o) => o.from === 'convert' || stmt.kind === 'alter_database' || ctx.inc.enable_set_collation,
    );
    if (ctx.inc.enable_column_charset) found.push(...columnCharsets(await ctx.facts.columnWrites(), 'collation'));
    for (const o of found) if (!allowed.has(normalise(o.value))) ctx.reportAt(o.at, ctx.inc.support_collation);
  },
});
