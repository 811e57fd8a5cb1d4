// columns_must_have_index ('name [type]' items): after CREATE or ALTER TABLE, a listed column the table has must
// be the first column of some index (ErrColumnsMustHaveIndex, the names joined with `,`); its type, when listed,
// is compared first (ErrColumnsMustHaveIndexTypeErr, one per column, args name, listed type, base type) — see
// create-table/columns-must-have-index-type (docs/audit.md "Table rules").
import { Code } from '../../../codes/catalogue.js';
import { columnsMustHaveIndex } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ErrColumnsMustHaveIndex,
  on: ['create_table', 'alter_table'],
  gate: (inc) => inc.columns_must_have_index.trim() !== '',
  async check(stmt, ctx) {
    const found = await columnsMustHaveIndex(stmt, ctx);
    if (found && found.unindexed.length > 0) ctx.reportAt(Number.MAX_SAFE_INTEGER, found.unindexed.join(','));
  },
});
