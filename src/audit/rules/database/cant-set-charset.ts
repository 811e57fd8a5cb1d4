// CREATE DATABASE … CHARACTER SET while enable_set_charset is off (arg the charset as written) (docs/audit.md
// "Charset and engine rules").
import { Code } from '../../../codes/catalogue.js';
import { optionsNamed } from '../../charset-lists.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_CANT_SET_CHARSET,
  on: ['create_database'],
  gate: (inc) => !inc.enable_set_charset,
  check(stmt, ctx) {
    for (const o of optionsNamed(stmt, 'CHARSET')) ctx.report(o.value);
  },
});
