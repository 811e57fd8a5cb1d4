// Every table a query reads must exist: FROM/JOIN tables, derived-table and subquery tables, INSERT … SELECT
// sources, and multi-table DELETE targets that are not in FROM (docs/audit.md).
import { Code } from '../../catalogue.js';
import { withAnalysis } from '../../resolver.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_TABLE_NOT_EXISTED_ERROR,
  on: ['select', 'insert', 'replace', 'update', 'delete', 'create_view'],
  check(stmt, ctx) {
    return withAnalysis(stmt, ctx, (a) => {
      for (const t of a.missingTables) ctx.report(t);
    });
  },
});
