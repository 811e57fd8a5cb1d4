// check_timestamp_count (on by default, counted only while enable_timestamp_type): more than one TIMESTAMP column
// with DEFAULT CURRENT_TIMESTAMP, or more than one with ON UPDATE CURRENT_TIMESTAMP (no arguments), after the
// per-column messages; the implicit defaults of explicit_defaults_for_timestamp OFF count (docs/audit.md "Table rules").
import { Code } from '../../../codes/catalogue.js';
import { autoTimestampOverflow } from '../../key-checks.js';
import { withImplicitTimestamps } from '../../implicit-timestamp.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_TOO_MUCH_AUTO_TIMESTAMP_COLS,
  on: ['create_table'],
  gate: (inc) => inc.check_timestamp_count && inc.enable_timestamp_type,
  check(stmt, ctx) {
    const ddl = stmt.ddl;
    if (ddl?.type === 'create_table' && autoTimestampOverflow(withImplicitTimestamps(ddl.columns, ctx.serverInfo), 'timestamp')) ctx.reportAt(ddl.columns.length);
  },
});
