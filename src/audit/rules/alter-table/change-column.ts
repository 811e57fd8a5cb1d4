// CHANGE COLUMN while enable_change_column is off (arg the old column in lower case) (docs/audit.md "Table rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ErCantChangeColumn,
  on: ['alter_table'],
  gate: (inc) => !inc.enable_change_column,
  check(stmt, ctx) {
    const ddl = stmt.ddl;
    if (ddl?.type !== 'alter_table') return;
    ddl.specs.forEach((spec, at) => {
      if (spec.op === 'change_column') ctx.reportAt(at, spec.old.toLowerCase());
    });
  },
});
