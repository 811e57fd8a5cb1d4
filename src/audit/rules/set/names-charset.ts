// SET NAMES accepts utf8 / utf8mb4 only (docs/audit.md).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

const ACCEPTED = ['utf8', 'utf8mb4'];

export default defineRule({
  code: Code.ErrCharsetNotSupport,
  on: ['set'],
  check(stmt, ctx) {
    const rec = stmt.recognised;
    if (rec?.form === 'set_names' && !ACCEPTED.includes(rec.charset.toLowerCase())) ctx.report(ACCEPTED.join(','));
  },
});
