// check_index_column_repeat: a new UNIQUE, plain or FULLTEXT index whose column list is a prefix of a live
// index's, or the other way round (args index, table, existing index, the shorter list with a `,` after each
// column) — at most one message per index (docs/audit.md "Index rules").
import { Code } from '../../../codes/catalogue.js';
import { statementKeys } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

const isPrefix = (a: readonly string[], b: readonly string[]) => a.length <= b.length && a.every((c, i) => c === b[i]);

export default defineRule({
  code: Code.ER_INDEX_COLUMN_REPEAT,
  on: ['create_table', 'alter_table', 'create_index'],
  gate: (inc) => inc.check_index_column_repeat,
  async check(stmt, ctx) {
    for (const ix of (await statementKeys(stmt, ctx))?.indexes ?? []) {
      if (ix.kind === 'primary' || ix.kind === 'spatial' || ix.columns.length === 0) continue;
      const mine = ix.columns.map((c) => c.written);
      for (const other of ix.before) {
        const shorter = isPrefix(mine, other.columns) ? mine : isPrefix(other.columns, mine) ? other.columns : null;
        if (!shorter) continue;
        ctx.reportAt(ix.at, ix.name, ix.table, other.name, shorter.map((c) => `${c},`).join(''));
        break;
      }
    }
  },
});
