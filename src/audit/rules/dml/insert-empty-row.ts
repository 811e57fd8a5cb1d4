// A VALUES row `()` (every column takes its default; MySQL and MariaDB accept it): goInception raises
// ER_WITH_INSERT_VALUES once per empty row, at the row, and checks the row no further (docs/audit.md "INSERT
// values").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';
import { insertRowsOf } from '../../../sql/ast.js';
import { rowItems } from '../insert/cells.js';

export default defineRule({
  code: Code.ER_WITH_INSERT_VALUES,
  on: ['insert', 'replace'],
  check(stmt, ctx) {
    const rows = insertRowsOf(stmt);
    if (!rows?.some((r) => r.length === 0)) return;
    const items = rowItems(rows);
    rows.forEach((values, i) => {
      if (values.length === 0) ctx.reportAt(items[i]!);
    });
  },
});
