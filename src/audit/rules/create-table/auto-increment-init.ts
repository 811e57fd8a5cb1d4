// check_autoincrement_init_value: CREATE TABLE … AUTO_INCREMENT=n with n > 1 (never for ALTER) (docs/audit.md
// "Table rules").
import { Code } from '../../catalogue.js';
import { defineRule } from '../../rule.js';
import { tableOption } from '../../table-options.js';

export default defineRule({
  code: Code.ER_INC_INIT_ERR,
  on: ['create_table'],
  gate: (inc) => inc.check_autoincrement_init_value,
  check(_stmt, ctx) {
    const shape = ctx.facts.createTable;
    const value = shape ? tableOption(shape, 'autoIncrement') : undefined;
    if (value !== undefined && Number(value) > 1) ctx.report();
  },
});
