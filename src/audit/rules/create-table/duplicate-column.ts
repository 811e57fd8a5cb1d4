// A column name repeated in CREATE TABLE (names compare case-insensitively, as in MySQL) (docs/audit.md).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_DUP_FIELDNAME,
  on: ['create_table'],
  check(_stmt, ctx) {
    const seen = new Set<string>();
    for (const c of ctx.facts.createTable?.columns ?? []) {
      const key = c.name.toLowerCase();
      if (seen.has(key)) ctx.report(c.name);
      seen.add(key);
    }
  },
});
