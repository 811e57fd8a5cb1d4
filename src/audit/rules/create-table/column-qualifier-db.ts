// CREATE TABLE column written `db.t.c` whose schema is not the table's (its qualifier, else the current
// database; compared case-sensitively, as goInception does): ER_WRONG_DB_NAME with the qualifier as written, one per
// column; the checks go on (docs/audit.md "Table rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_WRONG_DB_NAME,
  on: ['create_table'],
  check(stmt, ctx) {
    const ddl = stmt.ddl;
    if (ddl?.type !== 'create_table') return;
    const db = ddl.table.db ?? ctx.currentDb ?? '';
    for (const c of ddl.columns) if (c.qualifier?.db != null && c.qualifier.db !== db) ctx.report(c.qualifier.db);
  },
});
