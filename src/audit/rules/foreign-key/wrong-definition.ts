// enable_foreign_key: a FOREIGN KEY whose column count differs from the referenced column count (arg the
// CONSTRAINT symbol, else the key's name, else '') (docs/audit.md "Foreign-key rules").
import { Code } from '../../../codes/catalogue.js';
import { statementKeys } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ErrWrongFkDefWithMatch,
  on: ['create_table', 'alter_table'],
  gate: (inc) => inc.enable_foreign_key,
  async check(stmt, ctx) {
    for (const fk of (await statementKeys(stmt, ctx))?.foreignKeys ?? []) {
      if (fk.def.parts.length !== (fk.def.references?.columns.length ?? 0)) ctx.reportAt(fk.at, fk.def.constraint ?? fk.def.name ?? '');
    }
  },
});
