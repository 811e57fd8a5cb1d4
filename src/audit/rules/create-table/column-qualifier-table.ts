// CREATE TABLE column written `t.c` whose table is not the one created (case-sensitive; a column whose schema
// part already differs gets ER_WRONG_DB_NAME instead): ER_WRONG_TABLE_NAME with the qualifier as written
// (docs/audit.md "Table rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_WRONG_TABLE_NAME,
  on: ['create_table'],
  check(stmt, ctx) {
    const ddl = stmt.ddl;
    if (ddl?.type !== 'create_table') return;
    const db = ddl.table.db ?? ctx.currentDb ?? '';
    for (const c of ddl.columns) {
      const q = c.qualifier;
      if (q && !(q.db !== null && q.db !== db) && q.name !== ddl.table.name) ctx.report(q.name);
    }
  },
});
