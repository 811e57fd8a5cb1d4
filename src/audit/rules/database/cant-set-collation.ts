// CREATE DATABASE … COLLATE while enable_set_collation is off (arg the collation in lower case, `utf8mb3_…`
// written `utf8_…`, as goInception's parser normalises it) (docs/audit.md "Charset and engine rules").
import { Code } from '../../../codes/catalogue.js';
import { normalise, optionsNamed } from '../../charset-lists.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_CANT_SET_COLLATION,
  on: ['create_database'],
  gate: (inc) => !inc.enable_set_collation,
  check(stmt, ctx) {
    for (const o of optionsNamed(stmt, 'COLLATE')) ctx.report(normalise(o.value));
  },
});
