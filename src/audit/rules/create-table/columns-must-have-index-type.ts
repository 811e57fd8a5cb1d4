// columns_must_have_index: a listed column whose base type differs from the listed type (args name, listed type
// cut at `(` in lower case, the column's base type), before ErrColumnsMustHaveIndex (docs/audit.md "Table rules").
import { Code } from '../../../codes/catalogue.js';
import { columnsMustHaveIndex } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ErrColumnsMustHaveIndexTypeErr,
  on: ['create_table', 'alter_table'],
  gate: (inc) => inc.columns_must_have_index.trim() !== '',
  async check(stmt, ctx) {
    for (const m of (await columnsMustHaveIndex(stmt, ctx))?.mistyped ?? []) ctx.reportAt(Number.MAX_SAFE_INTEGER, m.name, m.want, m.have);
  },
});
