// INSERT VALUES: a literal for a listed YEAR/DATE/TIME/DATETIME/TIMESTAMP column that is not a valid value under
// the target's sql_mode (docs/audit.md "INSERT values"; ./temporal.ts). Arguments: the literal (strings raw,
// numbers in decimal) and the column as `db.table.col`. Only with a column list, as goInception.
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';
import { baseTypeOf, eachValueCell, insertColumnText, literalValue } from './cells.js';
import { dateModesOf, TEMPORAL_TYPES, validTemporal, type TemporalType } from './temporal.js';

export default defineRule({
  code: Code.ErrIncorrectDateTimeValue,
  on: ['insert', 'replace'],
  check(stmt, ctx) {
    return ctx.facts.withTarget((table) => {
      if (!table || !table.columns.some((c) => TEMPORAL_TYPES.has(baseTypeOf(c)))) return;
      const modes = dateModesOf(ctx.serverInfo.sqlMode);
      eachValueCell(stmt, table, true, (value, column, listed, _row, item) => {
        const type = column ? baseTypeOf(column) : '';
        if (!TEMPORAL_TYPES.has(type)) return;
        const literal = literalValue(value);
        if (literal && !validTemporal(type as TemporalType, literal, modes)) ctx.reportAt(item, literal.text, insertColumnText(ctx, listed));
      });
    });
  },
});
