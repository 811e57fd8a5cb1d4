// CREATE TABLE whose columns add up to more than 65535 bytes a row: goInception's fixed free text, after the
// TIMESTAMP/DATETIME counts and before the constraints' messages (docs/audit.md "Table rules"). goInception only
// evaluates it when the row already carries an error; inceptor always does, as MySQL would refuse the table
// either way. Sizes are MySQL's storage sizes; BLOB/TEXT/JSON/spatial columns count their in-row pointer only and
// virtual generated columns nothing.
import { bareTypeName, isBlobOrText } from '../../column-type.js';
import { charsetOfCollation, charsetWidth } from '../../key-checks.js';
import { defineRule } from '../../rule.js';
import type { ColumnDef } from '../../../sql/ddl/model.js';

const MAX_ROW_BYTES = 65535;
const TEXT =
  'Row size too large. The maximum row size for the used table type, not counting BLOBs, is 65535. This includes storage overhead, check the manual. You have to change some columns to TEXT or BLOBs';

const FIXED: Readonly<Record<string, number>> = { tinyint: 1, smallint: 2, mediumint: 3, int: 4, bigint: 8, double: 8, date: 3, year: 1 };
/** Temporal types: bytes without fractional seconds. */
const TEMPORAL: Readonly<Record<string, number>> = { time: 3, datetime: 5, timestamp: 4 };
/** In-row pointer bytes of the off-page types. */
const POINTER: Readonly<Record<string, number>> = { tiny: 9, '': 10, medium: 11, long: 12 };
/** Bytes of a decimal's leftover digits (MySQL packs nine digits in four bytes). */
const DIGIT_BYTES = [0, 1, 1, 2, 2, 3, 3, 4, 4, 4];

function decimalBytes(digits: number): number {
  return Math.floor(digits / 9) * 4 + DIGIT_BYTES[digits % 9]!;
}

/** The bytes one column takes in a row; `charset` is its effective character set. */
function columnBytes(c: ColumnDef, charset: string): number {
  const t = bareTypeName(c.type.name);
  const n = c.type.length;
  if (t in FIXED) return FIXED[t]!;
  if (t in TEMPORAL) return TEMPORAL[t]! + Math.ceil((n ?? 0) / 2);
  switch (t) {
    case 'float':
      return n !== null && n > 24 ? 8 : 4;
    case 'decimal': {
      const scale = c.type.scale ?? 0;
      return decimalBytes((n ?? 10) - scale) + decimalBytes(scale);
    }
    case 'bit':
      return Math.ceil((n ?? 1) / 8);
    case 'char':
      return (n ?? 1) * charsetWidth(charset);
    case 'binary':
      return n ?? 1;
    case 'varchar':
    case 'varbinary': {
      const bytes = (n ?? 0) * (t === 'varbinary' ? 1 : charsetWidth(charset));
      return bytes + (bytes > 255 ? 2 : 1);
    }
    case 'enum':
      return (c.type.values?.length ?? 0) > 255 ? 2 : 1;
    case 'set': {
      const bytes = Math.ceil((c.type.values?.length ?? 0) / 8);
      return bytes > 4 ? 8 : Math.max(bytes, 1);
    }
    default:
      if (isBlobOrText(t)) return POINTER[t.replace(/text|blob/, '')] ?? 12;
      return 12; // json, geometry and the spatial types: stored like LONGBLOB
  }
}

export default defineRule({
  code: null,
  on: ['create_table'],
  check(stmt, ctx) {
    const ddl = stmt.ddl;
    if (ddl?.type !== 'create_table' || ddl.like || ddl.columns.length === 0) return;
    const option = (name: string) => ddl.options.find((o) => o.name === name)?.value ?? null;
    const tableCharset = charsetOfCollation(option('COLLATE')) ?? option('CHARSET') ?? ctx.inc.default_charset;
    let total = 0;
    for (const c of ddl.columns) {
      if (c.generated && !c.generated.stored) continue;
      total += columnBytes(c, c.type.charset ?? charsetOfCollation(c.type.collation) ?? tableCharset);
    }
    if (total > MAX_ROW_BYTES) ctx.errorAt(ddl.columns.length, TEXT);
  },
});
