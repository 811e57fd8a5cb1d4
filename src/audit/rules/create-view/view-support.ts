// CREATE VIEW is refused unless enable_use_view; nothing else is checked then (docs/audit.md).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';
import { tablesOf } from '../../../sql/ast.js';

export default defineRule({
  code: Code.ErrViewSupport,
  on: ['create_view'],
  gate: (inc) => !inc.enable_use_view,
  refuses: true,
  check(stmt, ctx) {
    ctx.report(tablesOf(stmt)[0]?.name ?? '');
  },
});
