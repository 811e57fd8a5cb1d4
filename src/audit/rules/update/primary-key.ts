// Peer rule check_update_primary_key: UPDATE … SET of a primary-key column (rows change identity; replicas and
// rollback match rows by key) (docs/audit.md "Peer rules"). Argument: `table.column`, one per SET item.
import { defineRule } from '../../rule.js';
import { PeerCode } from '../../../codes/peer-codes.js';
import { updateSetOf } from '../../../sql/ast.js';
import { ColumnResolver } from '../query/conditions.js';

export default defineRule({
  code: PeerCode.ErrUpdatePrimaryKey,
  on: ['update'],
  gate: (inc) => inc.check_update_primary_key,
  async check(stmt, ctx) {
    const sets = updateSetOf(stmt);
    if (sets.length === 0) return;
    const columns = await ColumnResolver.of(stmt, ctx);
    for (const a of sets) {
      const found = columns.resolve({ type: 'column_ref', table: a.table, column: a.column });
      if (!found) continue;
      const name = found.column.field.toLowerCase();
      if (found.table.indexes.some((i) => i.keyName === 'PRIMARY' && i.columnName.toLowerCase() === name)) {
        ctx.report(`${found.table.name}.${found.column.field}`);
      }
    }
  },
});
