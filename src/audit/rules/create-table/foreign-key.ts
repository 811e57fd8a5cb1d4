// FOREIGN KEY in CREATE TABLE or ALTER … ADD, unless enable_foreign_key: one message per key (arg table)
// (docs/audit.md "Table rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';
import { tableChangesOf } from '../../../sql/alter-actions.js';

export default defineRule({
  code: Code.ER_FOREIGN_KEY,
  on: ['create_table', 'alter_table'],
  gate: (inc) => !inc.enable_foreign_key,
  check(stmt, ctx) {
    const shape = ctx.facts.createTable;
    if (shape?.table) {
      for (const ix of shape.indexes) if (ix.kind === 'foreign') ctx.reportAt(shape.columns.length, shape.table.name);
      return;
    }
    const table = ctx.facts.tableName;
    tableChangesOf(stmt).forEach((a, at) => {
      if (a.op === 'add_index' && a.index.kind === 'foreign') ctx.reportAt(at, table);
    });
  },
});
