// check_dml_where: INSERT … SELECT whose SELECT reads tables without a WHERE (docs/audit.md).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';
import { insertSelectOf } from '../../../sql/ast.js';

export default defineRule({
  code: Code.ER_NO_WHERE_CONDITION,
  on: ['insert', 'replace'],
  queriesOnly: true,
  gate: (inc) => inc.check_dml_where,
  check(stmt, ctx) {
    const select = insertSelectOf(stmt) as { from?: unknown; where?: unknown } | null;
    if (select && Array.isArray(select.from) && select.from.length > 0 && !select.where) ctx.report();
  },
});
