// enable_pk_columns_only_int: a PRIMARY KEY column whose base type is not MEDIUMINT, INT or BIGINT (args column,
// db, table) (docs/audit.md "Index rules").
import { Code } from '../../../codes/catalogue.js';
import { baseType, statementKeys } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

const INTS = new Set(['mediumint', 'int', 'bigint']);

export default defineRule({
  code: Code.ER_PK_COLS_NOT_INT,
  on: ['create_table', 'alter_table'],
  gate: (inc) => inc.enable_pk_columns_only_int,
  async check(stmt, ctx) {
    for (const ix of (await statementKeys(stmt, ctx))?.indexes ?? []) {
      if (ix.kind !== 'primary') continue;
      for (const c of ix.columns) if (c.info && !INTS.has(baseType(c.info.type))) ctx.reportAt(ix.at, c.info.field, ix.db, ix.table);
    }
  },
});
