// check_implicit_type_conversion: `column <comparison> literal` (the column on the left) where the literal's type
// makes the server convert the column (no index use): a numeric column against a string, a string or temporal
// column against a number (docs/audit.md "Expression rules"). Arguments: the table's alias if it has one, else
// its name; the stored column name; the column's base type. NULL literals are not checked.
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';
import { baseTypeOf } from '../insert/cells.js';
import { ColumnResolver, COMPARISONS, eachConditionNode, obj } from './conditions.js';

const NUMERIC_COLUMNS = new Set(['bit', 'tinyint', 'smallint', 'mediumint', 'int', 'integer', 'bigint', 'decimal', 'float', 'double', 'real']);
const STRING_COLUMNS = new Set([
  'date', 'time', 'datetime', 'timestamp', 'char', 'binary', 'varchar', 'varbinary', 'enum', 'set',
  'tinytext', 'text', 'mediumtext', 'longtext', 'tinyblob', 'blob', 'mediumblob', 'longblob',
]);
const NUMERIC_LITERALS = new Set(['number', 'bigint', 'bool', 'boolean']);
const STRING_LITERALS = new Set(['single_quote_string', 'double_quote_string', 'natural_string', 'hex_string', 'full_hex_string', 'bit_string']);

export default defineRule({
  code: Code.ErrImplicitTypeConversion,
  on: ['select', 'insert', 'replace', 'update', 'delete'],
  queriesOnly: true,
  gate: (inc) => inc.check_implicit_type_conversion,
  async check(stmt, ctx) {
    const comparisons: { left: unknown; literal: string }[] = [];
    eachConditionNode(stmt, (n) => {
      const right = obj(n.right)?.type;
      if (n.type === 'binary_expr' && COMPARISONS.has(String(n.operator)) && obj(n.left)?.type === 'column_ref' && typeof right === 'string') {
        comparisons.push({ left: n.left, literal: right });
      }
    });
    if (comparisons.length === 0) return;
    const columns = await ColumnResolver.of(stmt, ctx);
    for (const { left, literal } of comparisons) {
      const found = columns.resolve(left);
      if (!found) continue;
      const type = baseTypeOf(found.column);
      const mismatch = NUMERIC_COLUMNS.has(type)
        ? STRING_LITERALS.has(literal)
        : STRING_COLUMNS.has(type) && NUMERIC_LITERALS.has(literal);
      if (mismatch) ctx.report(found.alias ?? found.table.name, found.column.field, type);
    }
  },
});
