// enable_foreign_key: a FOREIGN KEY column the table lacks (arg table.col), or a referenced column its table lacks
// (arg ref_table.col); a missing referenced table is ER_TABLE_NOT_EXISTED_ERROR (docs/audit.md "Foreign-key
// rules").
import { Code } from '../../../codes/catalogue.js';
import { statementKeys } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_COLUMN_NOT_EXISTED,
  on: ['create_table', 'alter_table'],
  gate: (inc) => inc.enable_foreign_key,
  async check(stmt, ctx) {
    for (const fk of (await statementKeys(stmt, ctx))?.foreignKeys ?? []) {
      for (const p of fk.def.parts) if (p.column !== null && !fk.columns.has(p.column.toLowerCase())) ctx.reportAt(fk.at, `${fk.table}.${p.column}`);
      const ref = fk.def.references;
      if (!ref) continue;
      // A table referencing itself (CREATE TABLE) is checked against its own columns.
      const self = ref.table.name.toLowerCase() === fk.table.toLowerCase() && (ref.table.db === null || ref.table.db.toLowerCase() === fk.db.toLowerCase());
      const target = self ? null : await ctx.table(ref.table);
      const names = self ? fk.columns : target ? new Set(target.columns.map((c) => c.field.toLowerCase())) : null;
      if (!names) continue;
      const shown = target?.name ?? ref.table.name;
      for (const c of ref.columns) if (!names.has(c.toLowerCase())) ctx.reportAt(fk.at, `${shown}.${c}`);
    }
  },
});
