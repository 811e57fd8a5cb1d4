// MySQL's limits on a column definition (CREATE, ADD, MODIFY, CHANGE), checked last among a column's field
// messages as goInception does (docs/audit.md "Field rules"): a name that is empty or ends with a space
// (ER_WRONG_COLUMN_NAME), then the server's own texts for lengths, widths, precision, scale and SET members,
// as free-text errors. VARCHAR's limit is 65535 bytes over the bytes per character of the column's CHARACTER SET,
// else of the table's COLLATE= (CREATE TABLE), else of `default_charset`.
import { Code } from '../../../codes/catalogue.js';
import { bareTypeName } from '../../column-type.js';
import { charsetOfCollation, charsetWidth } from '../../key-checks.js';
import { defineRule } from '../../rule.js';
import { isIncorrectName } from '../../identifier.js';

const MAX_DISPLAY_WIDTH = 4294967295;
const INTEGERS = new Set(['tinyint', 'smallint', 'mediumint', 'int', 'bigint']);

/** The texts MySQL gives for a type beyond its limits (none when within them). */
export function typeLimitTexts(name: string, dataType: string, length: number | null, scale: number | null, values: readonly string[] | null, charset: string): string[] {
  const out: string[] = [];
  const type = bareTypeName(dataType);
  if (length !== null && length > MAX_DISPLAY_WIDTH) out.push(`Display width out of range for column '${name}' (max = ${MAX_DISPLAY_WIDTH})`);
  const tooLong = (max: number) => `Column length too big for column '${name}' (max = ${max}); use BLOB or TEXT instead`;
  const scaleAndPrecision = (maxPrecision: number) => {
    if (scale !== null && scale > 30) out.push(`Too big scale ${scale} specified for column '${name}'. Maximum is 30.`);
    if (length !== null && length > maxPrecision) out.push(`Too big precision ${length} specified for column '${name}'. Maximum is ${maxPrecision}.`);
  };
  if (type === 'char' || type === 'binary') {
    if (length !== null && length > 255) out.push(tooLong(255));
  } else if (type === 'varchar' || type === 'varbinary') {
    const max = Math.floor(65535 / (type === 'varbinary' ? 1 : charsetWidth(charset)));
    if (length !== null && length > max) out.push(tooLong(max));
  } else if (type === 'float' || type === 'double') {
    scaleAndPrecision(255);
  } else if (type === 'decimal') {
    scaleAndPrecision(65);
  } else if (type === 'bit') {
    if (length !== null && length <= 0) out.push(`Invalid size for column '${name}'.`);
    else if (length !== null && length > 64) out.push(`Too big display width for column '${name}' (max = 64).`);
  } else if (INTEGERS.has(type)) {
    if (length !== null && length > 255) out.push(`Too big display width for column '${name}' (max = 255).`);
  } else if (type === 'set' && values) {
    if (values.length > 64) out.push(`Too many strings for column ${name} and SET`);
    for (const v of values) if (v.includes(',')) out.push(`Illegal set '${v}' value found during parsing`);
  }
  return out;
}

export default defineRule({
  code: Code.ER_WRONG_COLUMN_NAME,
  on: ['create_table', 'alter_table'],
  async check(stmt, ctx) {
    const ddl = stmt.ddl;
    const tableCollation = ddl?.type === 'create_table' ? (ddl.options.find((o) => o.name === 'COLLATE')?.value ?? null) : null;
    const tableCharset = charsetOfCollation(tableCollation) ?? ctx.inc.default_charset;
    for (const { at, column } of await ctx.facts.columnWrites()) {
      if (isIncorrectName(column.name)) ctx.reportAt(at, column.name);
      const model = column.model;
      const charset = model?.type.charset ?? tableCharset;
      for (const text of typeLimitTexts(column.name, column.dataType, column.length, column.scale, model?.type.values ?? null, charset)) ctx.errorAt(at, text);
    }
  },
});
