// INSERT VALUES under a strict sql_mode: a string literal that is not a number, for a numeric column, is refused by
// the server; goInception reports it as the free text `Incorrect integer value: '%v' for column '%s' at row %v`
// (the literal raw, the stored column name, the 1-based row), with or without a column list (docs/audit.md
// "INSERT values").
import { defineRule } from '../../rule.js';
import { dateModesOf } from './temporal.js';
import { baseTypeOf, eachValueCell, stringLiteralText } from './cells.js';

const NUMERIC = new Set(['bit', 'tinyint', 'smallint', 'mediumint', 'int', 'integer', 'bigint', 'decimal', 'numeric', 'float', 'double', 'real']);
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

export default defineRule({
  code: null,
  on: ['insert', 'replace'],
  check(stmt, ctx) {
    if (!dateModesOf(ctx.serverInfo.sqlMode).strict) return;
    return ctx.facts.withTarget((table) => {
      if (!table || !table.columns.some((c) => NUMERIC.has(baseTypeOf(c)))) return;
      eachValueCell(stmt, table, false, (value, column, _listed, row, item) => {
        if (!column || !NUMERIC.has(baseTypeOf(column))) return;
        const text = stringLiteralText(value);
        if (text !== null && !NUMBER.test(text.trim())) ctx.errorAt(item, `Incorrect integer value: '${text}' for column '${column.field}' at row ${row}`);
      });
    });
  },
});
