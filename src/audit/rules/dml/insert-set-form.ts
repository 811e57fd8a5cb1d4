// INSERT … SET has no VALUES list: reported as ER_WITH_INSERT_VALUES (docs/audit.md).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';
import { insertSetOf } from '../../../sql/ast.js';

export default defineRule({
  code: Code.ER_WITH_INSERT_VALUES,
  on: ['insert', 'replace'],
  check(stmt, ctx) {
    if (insertSetOf(stmt) !== null) ctx.report();
  },
});
