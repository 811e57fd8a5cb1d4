// More than one PRIMARY KEY definition (inline or constraint) (docs/audit.md).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_MULTIPLE_PRI_KEY,
  on: ['create_table'],
  check(_stmt, ctx) {
    const shape = ctx.facts.createTable;
    if (!shape) return;
    const count = shape.columns.filter((c) => c.primaryKey).length + shape.indexes.filter((i) => i.kind === 'primary').length;
    if (count > 1) ctx.report();
  },
});
