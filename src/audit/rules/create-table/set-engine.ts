// ENGINE in CREATE TABLE while enable_set_engine is off (arg the table, not the engine) (docs/audit.md
// "Table rules").
import { Code } from '../../catalogue.js';
import { defineRule } from '../../rule.js';
import { tableOption } from '../../table-options.js';

export default defineRule({
  code: Code.ER_CANT_SET_ENGINE,
  on: ['create_table'],
  gate: (inc) => !inc.enable_set_engine,
  check(_stmt, ctx) {
    const shape = ctx.facts.createTable;
    if (shape?.table && tableOption(shape, 'engine') !== undefined) ctx.report(shape.table.name);
  },
});
