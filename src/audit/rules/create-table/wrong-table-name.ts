// CREATE TABLE of a name that is empty or ends with a space (arg the name as written) (docs/audit.md "Table rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';
import { isIncorrectName } from '../../identifier.js';

export default defineRule({
  code: Code.ER_WRONG_TABLE_NAME,
  on: ['create_table'],
  check(stmt, ctx) {
    const ddl = stmt.ddl;
    if (ddl?.type === 'create_table' && isIncorrectName(ddl.table.name)) ctx.report(ddl.table.name);
  },
});
