// Every table a query reads must exist: FROM/JOIN tables, derived-table and subquery tables, INSERT … SELECT
// sources, and multi-table DELETE targets that are not in FROM (docs/audit.md).
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_TABLE_NOT_EXISTED_ERROR,
  on: ['select', 'insert', 'replace', 'update', 'delete', 'create_view'],
  queriesOnly: true,
  check(_stmt, ctx) {
    return ctx.facts.withAnalysis((a) => {
      for (const t of a.missingTables) ctx.report(t);
    });
  },
});
