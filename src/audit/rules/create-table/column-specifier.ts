// CREATE TABLE whose (last) AUTO_INCREMENT column is not an integer, FLOAT or DOUBLE type (DECIMAL included):
// MySQL's free text `Incorrect column specifier for column 'c'`, after ER_WRONG_AUTO_KEY (docs/audit.md
// "Table rules").
import { bareTypeName } from '../../column-type.js';
import { defineRule } from '../../rule.js';

const AUTO_INCREMENT_TYPES = new Set(['tinyint', 'smallint', 'mediumint', 'int', 'bigint', 'float', 'double']);

export default defineRule({
  code: null,
  on: ['create_table'],
  check(stmt, ctx) {
    const ddl = stmt.ddl;
    if (ddl?.type !== 'create_table') return;
    const last = ddl.columns.filter((c) => c.autoIncrement).at(-1);
    if (last && !AUTO_INCREMENT_TYPES.has(bareTypeName(last.type.name))) ctx.error(`Incorrect column specifier for column '${last.name}'`);
  },
});
