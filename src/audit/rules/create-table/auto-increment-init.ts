// check_autoincrement_init_value: CREATE TABLE … AUTO_INCREMENT=n with n > 1 (never for ALTER) (docs/audit.md
// "Table rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';
import { tableOptions } from '../../table-options.js';

export default defineRule({
  code: Code.ER_INC_INIT_ERR,
  on: ['create_table'],
  gate: (inc) => inc.check_autoincrement_init_value,
  check(stmt, ctx) {
    if (tableOptions(stmt, 'AUTO_INCREMENT').some(({ option }) => Number(option.value) > 1)) ctx.report();
  },
});
