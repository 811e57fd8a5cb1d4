// CREATE TABLE without columns and without LIKE / AS SELECT (docs/audit.md).
import { Code } from '../../catalogue.js';
import { defineRule } from '../../rule.js';
import { createTableOf } from '../../../sql/ast.js';

export default defineRule({
  code: Code.ER_MUST_AT_LEAST_ONE_COLUMN,
  on: ['create_table'],
  check(stmt, ctx) {
    const shape = createTableOf(stmt);
    if (shape && !shape.like && !shape.asSelect && shape.columns.length === 0) ctx.report();
  },
});
