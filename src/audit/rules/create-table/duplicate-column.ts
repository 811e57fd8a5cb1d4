// A column name repeated in CREATE TABLE (names compare case-insensitively, as in MySQL) (docs/audit.md).
import { Code } from '../../catalogue.js';
import { defineRule } from '../../rule.js';
import { createTableOf } from '../../../sql/ast.js';

export default defineRule({
  code: Code.ER_DUP_FIELDNAME,
  on: ['create_table'],
  check(stmt, ctx) {
    const seen = new Set<string>();
    for (const c of createTableOf(stmt)?.columns ?? []) {
      const key = c.name.toLowerCase();
      if (seen.has(key)) ctx.report(c.name);
      seen.add(key);
    }
  },
});
