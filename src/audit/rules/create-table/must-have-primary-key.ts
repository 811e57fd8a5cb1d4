// check_primary_key: CREATE TABLE (not LIKE / AS SELECT) needs a primary key (docs/audit.md, code 60).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_TABLE_MUST_HAVE_PK,
  on: ['create_table'],
  gate: (inc) => inc.check_primary_key,
  check(_stmt, ctx) {
    const shape = ctx.facts.createTable;
    if (!shape?.table || shape.like || shape.asSelect) return;
    const hasPk = shape.columns.some((c) => c.primaryKey) || shape.indexes.some((i) => i.kind === 'primary');
    if (!hasPk) ctx.report(shape.table.name);
  },
});
