// A table COLLATE in CREATE TABLE while enable_set_collation is off (arg table) (docs/audit.md "Table rules").
import { Code } from '../../catalogue.js';
import { defineRule } from '../../rule.js';
import { tableOption } from '../../table-options.js';

export default defineRule({
  code: Code.ErrTableCollationNotSupport,
  on: ['create_table'],
  gate: (inc) => !inc.enable_set_collation,
  check(_stmt, ctx) {
    const shape = ctx.facts.createTable;
    if (shape?.table && tableOption(shape, 'collation') !== undefined) ctx.report(shape.table.name);
  },
});
