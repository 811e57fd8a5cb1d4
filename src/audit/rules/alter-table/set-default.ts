// ALTER COLUMN c SET DEFAULT '' on a column whose stored type (cut at `(`) is bit, smallint, mediumint, int,
// bigint, decimal, float, double or year: ER_INVALID_DEFAULT with c as written. As in goInception, tinyint is not
// in the list and MySQL 8's `int unsigned` (no parenthesis) is not recognised (docs/audit.md "Table rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

const REFUSING_EMPTY = new Set(['bit', 'smallint', 'mediumint', 'int', 'bigint', 'decimal', 'float', 'double', 'year']);

export default defineRule({
  code: Code.ER_INVALID_DEFAULT,
  on: ['alter_table'],
  async check(stmt, ctx) {
    const ddl = stmt.ddl;
    if (ddl?.type !== 'alter_table') return;
    const table = await ctx.facts.target();
    if (!table) return;
    ddl.specs.forEach((spec, at) => {
      if (spec.op !== 'alter_column_default' || spec.default?.kind !== 'string' || spec.default.value !== '') return;
      const column = table.columns.find((c) => c.field.toLowerCase() === spec.column.toLowerCase());
      const base = column ? column.type.toLowerCase().split('(')[0]!.trim() : '';
      if (REFUSING_EMPTY.has(base)) ctx.reportAt(at, spec.column);
    });
  },
});
