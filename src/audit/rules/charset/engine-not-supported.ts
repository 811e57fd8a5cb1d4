// support_engine: ENGINE outside the list, compared case-insensitively, while enable_set_engine (arg the
// support_engine value) (docs/audit.md "Charset and engine rules").
import { Code } from '../../../codes/catalogue.js';
import { allowList, optionsNamed } from '../../charset-lists.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ErrEngineNotSupport,
  on: ['create_table', 'alter_table'],
  gate: (inc) => inc.enable_set_engine && inc.support_engine !== '',
  check(stmt, ctx) {
    const allowed = allowList(ctx.inc.support_engine);
    for (const o of optionsNamed(stmt, 'ENGINE')) if (!allowed.has(o.value.toLowerCase())) ctx.reportAt(o.at, ctx.inc.support_engine);
  },
});
