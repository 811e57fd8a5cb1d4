// Every column of the INSERT column list must exist in the table (docs/audit.md).
import { Code } from '../../catalogue.js';
import { hasColumn } from '../../column-lookup.js';
import { defineRule } from '../../rule.js';
import { insertColumnsOf } from '../../../sql/ast.js';

export default defineRule({
  code: Code.ER_COLUMN_NOT_EXISTED,
  on: ['insert', 'replace'],
  async check(stmt, ctx) {
    const columns = insertColumnsOf(stmt);
    const table = columns ? await ctx.facts.target() : null;
    if (!table || !columns) return;
    for (const c of columns) if (!hasColumn(table, c)) ctx.report(`${table.name}.${c}`);
  },
});
