// max_column_count: CREATE TABLE with more columns than the limit (args table, limit, count) (docs/audit.md
// "Table rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ErrMaxColumnCount,
  on: ['create_table'],
  gate: (inc) => inc.max_column_count > 0,
  check(_stmt, ctx) {
    const shape = ctx.facts.createTable;
    if (shape?.table && shape.columns.length > ctx.inc.max_column_count) ctx.report(shape.table.name, ctx.inc.max_column_count, shape.columns.length);
  },
});
