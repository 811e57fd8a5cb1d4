// CREATE TABLE without columns and without LIKE / AS SELECT (docs/audit.md).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_MUST_AT_LEAST_ONE_COLUMN,
  on: ['create_table'],
  check(_stmt, ctx) {
    const shape = ctx.facts.createTable;
    if (shape && !shape.like && !shape.asSelect && shape.columns.length === 0) ctx.report();
  },
});
