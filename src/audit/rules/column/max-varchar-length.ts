// max_varchar_length: a VARCHAR longer than the limit in CREATE TABLE or ADD COLUMN, or in a MODIFY / CHANGE that
// makes a CHAR/VARCHAR column longer (args column, limit) (docs/audit.md "Field rules").
import { Code } from '../../../codes/catalogue.js';
import { bareTypeName } from '../../column-type.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ErrMaxVarcharLength,
  on: ['create_table', 'alter_table'],
  gate: (inc) => inc.max_varchar_length > 0,
  async check(stmt, ctx) {
    const max = ctx.inc.max_varchar_length;
    const ddl = stmt.ddl;
    const table = ddl?.type === 'alter_table' ? await ctx.facts.target() : null;
    for (const w of await ctx.facts.columnWrites()) {
      const length = w.column.length ?? 0;
      if (bareTypeName(w.column.dataType) !== 'varchar' || length <= max) continue;
      if (w.op === 'modify' || w.op === 'change') {
        const spec = ddl?.type === 'alter_table' ? ddl.specs[w.at] : undefined;
        const oldName = spec?.op === 'change_column' ? spec.old : w.column.name;
        const old = table?.columns.find((c) => c.field.toLowerCase() === oldName.toLowerCase());
        const oldLength = old && /char\((\d+)\)/.exec(old.type.toLowerCase());
        if (oldLength && Number(oldLength[1]) >= length) continue;
      }
      ctx.reportAt(w.at, w.column.name, max);
    }
  },
});
