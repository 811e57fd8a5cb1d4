// DROP DATABASE is forbidden unless enable_drop_database (docs/audit.md).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';
import { databaseNameOf } from '../../../sql/ast.js';

export default defineRule({
  code: Code.ER_CANT_DROP_DATABASE,
  on: ['drop_database'],
  gate: (inc) => !inc.enable_drop_database,
  refuses: true,
  check(stmt, ctx) {
    ctx.report(databaseNameOf(stmt) ?? '');
  },
});
