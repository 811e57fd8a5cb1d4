// check_insert_field: INSERT/REPLACE without a column list (INSERT … SET included) (docs/audit.md, code 9).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';
import { insertColumnsOf } from '../../../sql/ast.js';

export default defineRule({
  code: Code.ER_WITH_INSERT_FIELD,
  on: ['insert', 'replace'],
  gate: (inc) => inc.check_insert_field,
  check(stmt, ctx) {
    if (insertColumnsOf(stmt) === null) ctx.report();
  },
});
