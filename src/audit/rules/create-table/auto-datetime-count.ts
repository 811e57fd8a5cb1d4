// check_datetime_count: more than one DATETIME column with DEFAULT CURRENT_TIMESTAMP, or more than one with ON
// UPDATE CURRENT_TIMESTAMP (no arguments) (docs/audit.md "Table rules").
import { Code } from '../../../codes/catalogue.js';
import { autoTimestampOverflow } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_TOO_MUCH_AUTO_DATETIME_COLS,
  on: ['create_table'],
  gate: (inc) => inc.check_datetime_count,
  check(stmt, ctx) {
    const ddl = stmt.ddl;
    if (ddl?.type === 'create_table' && autoTimestampOverflow(ddl.columns, 'datetime')) ctx.reportAt(ddl.columns.length);
  },
});
