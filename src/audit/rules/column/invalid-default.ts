// Default values a column cannot take (docs/audit.md "Field rules"): the date and function rules first —
// CURRENT_TIMESTAMP on a type other than TIMESTAMP/DATETIME, CURRENT_TIMESTAMP(n) whose n is not the column's
// fsp, a date/time literal that is no value of the type under the target's sql_mode, a zero date while
// enable_zero_date is off —, then NOT NULL DEFAULT NULL, then a numeric column with '' or a string that is not a
// number (`int default ''`). goInception reports each failed check, in this order, so one column may get the
// message more than once. MySQL's free texts for DATETIME/TIMESTAMP precision over 6 and for DOUBLE(M) without D
// stand among them, so this rule adds them too. CREATE TABLE's implicit TIMESTAMP defaults (explicit_defaults_for_timestamp
// OFF) are checked like written ones.
import { Code } from '../../../codes/catalogue.js';
import { bareTypeName, isNumeric } from '../../column-type.js';
import { writesWithImplicitTimestamps } from '../../implicit-timestamp.js';
import { defineRule, type RuleContext } from '../../rule.js';
import { dateModesOf, TEMPORAL_TYPES, validTemporal, type TemporalType } from '../insert/temporal.js';
import { isNullLiteral, type ColumnDefinition } from '../../../sql/ast.js';

const ZERO_DATE = /^0{1,4}[^\d\s]0{1,2}[^\d\s]0{1,2}(?:[\sT]+0{1,2}[^\d\s]0{1,2}[^\d\s]0{1,2}(?:\.0*)?)?$/;

/** Whether the date/time and CURRENT_TIMESTAMP rules refuse the column's default. */
function badTemporalDefault(column: ColumnDefinition, ctx: RuleContext): boolean {
  const d = column.model?.default;
  if (!d) return false;
  const type = bareTypeName(column.dataType);
  const autoUpdating = type === 'timestamp' || type === 'datetime';
  if (d.kind === 'current_timestamp') {
    if (!autoUpdating) return true;
    const fsp = /\((\d+)\)/.exec(d.value ?? '');
    return Number(fsp?.[1] ?? 0) !== (column.length ?? 0);
  }
  if (!TEMPORAL_TYPES.has(type) || (d.kind !== 'string' && d.kind !== 'number') || d.value === null) return false;
  if (type !== 'time' && type !== 'year' && !ctx.inc.enable_zero_date && (ZERO_DATE.test(d.value.trim()) || (d.kind === 'number' && Number(d.value) === 0))) return true;
  return !validTemporal(type as TemporalType, { kind: d.kind, text: d.value }, dateModesOf(ctx.serverInfo.sqlMode));
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function stringDefault(value: unknown): string | null {
  const v = value as { type?: unknown; value?: unknown } | null;
  return v && (v.type === 'single_quote_string' || v.type === 'double_quote_string' || v.type === 'string') ? String(v.value ?? '') : null;
}

export default defineRule({
  code: Code.ER_INVALID_DEFAULT,
  on: ['create_table', 'alter_table'],
  async check(stmt, ctx) {
    for (const { at, column } of writesWithImplicitTimestamps(stmt, await ctx.facts.columnWrites(), ctx.serverInfo)) {
      // MySQL's own texts stand among these checks in goInception's order: fsp first, DOUBLE(M) after NOT NULL.
      const type = bareTypeName(column.dataType);
      if ((type === 'datetime' || type === 'timestamp') && (column.length ?? 0) > 6) ctx.errorAt(at, `Too-big precision ${column.length} specified for '${column.name}'. Maximum is 6`);
      if (column.hasDefault && badTemporalDefault(column, ctx)) ctx.reportAt(at, column.name);
      if (column.hasDefault && column.nullable === false && isNullLiteral(column.defaultValue)) ctx.reportAt(at, column.name);
      if (type === 'double' && column.length !== null && column.scale === null) ctx.errorAt(at, `Please specify the number of digits of type double (column: "${column.name}")`);
      if (!column.hasDefault) continue;
      const text = stringDefault(column.defaultValue);
      if (text !== null && isNumeric(bareTypeName(column.dataType)) && !NUMBER.test(text.trim())) ctx.reportAt(at, column.name);
    }
  },
});
