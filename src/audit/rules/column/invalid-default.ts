// Default values a column cannot take: NOT NULL DEFAULT NULL, and a numeric column with '' or a string that is
// not a number (`int default ''`) (docs/audit.md "Field rules"). goInception reports each failed check, in
// this order, so one column may get the message twice.
import { Code } from '../../catalogue.js';
import { bareTypeName, isNumeric } from '../../column-type.js';
import { defineRule } from '../../rule.js';
import { isNullLiteral } from '../../../sql/ast.js';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function stringDefault(value: unknown): string | null {
  const v = value as { type?: unknown; value?: unknown } | null;
  return v && (v.type === 'single_quote_string' || v.type === 'double_quote_string' || v.type === 'string') ? String(v.value ?? '') : null;
}

export default defineRule({
  code: Code.ER_INVALID_DEFAULT,
  on: ['create_table', 'alter_table'],
  async check(_stmt, ctx) {
    for (const { at, column } of await ctx.facts.columnWrites()) {
      if (!column.hasDefault) continue;
      if (column.nullable === false && isNullLiteral(column.defaultValue)) ctx.reportAt(at, column.name);
      const text = stringDefault(column.defaultValue);
      if (text !== null && isNumeric(bareTypeName(column.dataType)) && !NUMBER.test(text.trim())) ctx.reportAt(at, column.name);
    }
  },
});
