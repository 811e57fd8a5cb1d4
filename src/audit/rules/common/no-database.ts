// A table reference without a schema while no database is current → ER_WRONG_DB_NAME('') (docs/audit.md, code 21).
import { Code } from '../../catalogue.js';
import { defineRule } from '../../rule.js';
import { tablesOf } from '../../../sql/ast.js';

export default defineRule({
  code: Code.ER_WRONG_DB_NAME,
  on: ['create_table', 'drop_table', 'truncate_table', 'insert', 'replace', 'update', 'delete', 'select', 'alter_table', 'create_index', 'drop_index', 'rename_table', 'create_view'],
  check(stmt, ctx) {
    if (tablesOf(stmt).some((t) => ctx.dbOf(t) === null)) {
      ctx.report('');
      ctx.stop();
    }
  },
});
