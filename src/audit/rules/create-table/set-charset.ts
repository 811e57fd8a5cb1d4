// A table CHARSET in CREATE TABLE while enable_set_charset is off (arg table) (docs/audit.md "Table rules").
import { Code } from '../../catalogue.js';
import { defineRule } from '../../rule.js';
import { tableOption } from '../../table-options.js';

export default defineRule({
  code: Code.ER_TABLE_CHARSET_MUST_NULL,
  on: ['create_table'],
  gate: (inc) => !inc.enable_set_charset,
  check(_stmt, ctx) {
    const shape = ctx.facts.createTable;
    if (shape?.table && tableOption(shape, 'charset') !== undefined) ctx.report(shape.table.name);
  },
});
