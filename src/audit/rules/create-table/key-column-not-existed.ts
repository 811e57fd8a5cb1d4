// CREATE TABLE: an index or PRIMARY KEY naming a column the table does not define (arg table.col as written);
// ALTER and CREATE INDEX report it through alter-table/column-not-existed (docs/audit.md "Index rules").
import { Code } from '../../../codes/catalogue.js';
import { statementKeys } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_COLUMN_NOT_EXISTED,
  on: ['create_table'],
  async check(stmt, ctx) {
    for (const ix of (await statementKeys(stmt, ctx))?.indexes ?? []) {
      for (const c of ix.columns) if (!c.info) ctx.reportAt(ix.at, `${ix.table}.${c.written}`);
    }
  },
});
