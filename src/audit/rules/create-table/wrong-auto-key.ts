// CREATE TABLE with more than one auto_increment column, or whose auto_increment column is not the first column
// of some key, unless ENGINE=MyISAM (no arguments) (docs/audit.md "Table rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_WRONG_AUTO_KEY,
  on: ['create_table'],
  check(stmt, ctx) {
    const ddl = stmt.ddl;
    if (ddl?.type !== 'create_table') return;
    const auto = ddl.columns.filter((c) => c.autoIncrement);
    if (auto.length === 0) return;
    if (auto.length > 1) return ctx.report();
    if (ddl.options.some((o) => o.name === 'ENGINE' && o.value.toLowerCase() === 'myisam')) return;
    const name = auto[0]!.name.toLowerCase();
    const firsts = new Set([
      ...ddl.columns.filter((c) => c.primaryKey || c.unique).map((c) => c.name.toLowerCase()),
      ...ddl.indexes.filter((i) => i.kind !== 'foreign' && i.kind !== 'check').map((i) => (i.parts[0]?.column ?? '').toLowerCase()),
    ]);
    if (!firsts.has(name)) ctx.report();
  },
});
