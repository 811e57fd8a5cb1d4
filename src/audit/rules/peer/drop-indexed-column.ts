// peer_drop_indexed_column: DROP COLUMN of a column some index of the table uses (the index shrinks or goes away
// with it) (docs/audit.md "Peer rules").
import { PeerCode } from '../../../codes/peer-codes.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: PeerCode.ErrDropIndexedColumn,
  on: ['alter_table'],
  gate: (inc) => inc.peer_drop_indexed_column,
  async check(stmt, ctx) {
    const ddl = stmt.ddl;
    if (ddl?.type !== 'alter_table') return;
    const table = await ctx.facts.target();
    if (!table) return;
    for (const spec of ddl.specs) {
      if (spec.op !== 'drop_column') continue;
      const used = [...new Set(table.indexes.filter((i) => i.columnName.toLowerCase() === spec.column.toLowerCase()).map((i) => i.keyName))];
      if (used.length > 0) ctx.report(`${table.name}.${spec.column}`, used.map((n) => `'${n}'`).join(', '));
    }
  },
});
