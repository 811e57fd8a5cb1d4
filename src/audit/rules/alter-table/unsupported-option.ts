// An ALTER TABLE option other than ENGINE, CHARSET, COLLATE, COMMENT and AUTO_INCREMENT (no arguments, one per
// option) (docs/audit.md "Table rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

const SUPPORTED = new Set(['ENGINE', 'CHARSET', 'COLLATE', 'COMMENT', 'AUTO_INCREMENT', 'TABLEGROUP']);

export default defineRule({
  code: Code.ER_NOT_SUPPORTED_ALTER_OPTION,
  on: ['alter_table'],
  check(stmt, ctx) {
    const ddl = stmt.ddl;
    if (ddl?.type !== 'alter_table') return;
    ddl.specs.forEach((spec, at) => {
      if (spec.op === 'options') for (const o of spec.options) if (!SUPPORTED.has(o.name)) ctx.reportAt(at);
    });
  },
});
