// check_dml_limit: INSERT … SELECT … LIMIT (docs/audit.md).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';
import { insertSelectOf } from '../../../sql/ast.js';
import { lastMember } from './union.js';

export default defineRule({
  code: Code.ER_WITH_LIMIT_CONDITION,
  on: ['insert', 'replace'],
  queriesOnly: true,
  gate: (inc) => inc.check_dml_limit,
  check(stmt, ctx) {
    const last = lastMember(insertSelectOf(stmt));
    const limit = last?.limit as { value?: unknown[] } | null | undefined;
    if (limit && Array.isArray(limit.value) && limit.value.length > 0) ctx.report();
  },
});
