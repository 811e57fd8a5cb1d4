// Peer rule check_insert_select_lock: INSERT … SELECT locks the rows it reads (shared next-key locks under
// REPEATABLE READ with statement binlog) for as long as it runs (docs/audit.md "Peer rules"). Argument: the tables
// read, as written, joined with `,`.
import { defineRule } from '../../rule.js';
import { PeerCode } from '../../../codes/peer-codes.js';
import { insertSelectOf } from '../../../sql/ast.js';
import type { ParsedStatement } from '../../../sql/statement.js';
import { tableRefsOf } from '../query/conditions.js';

export default defineRule({
  code: PeerCode.ErrInsertSelectLock,
  on: ['insert', 'replace'],
  queriesOnly: true,
  gate: (inc) => inc.check_insert_select_lock,
  check(stmt, ctx) {
    const select = insertSelectOf(stmt);
    if (!select) return;
    const read = tableRefsOf({ ...stmt, ast: select } as ParsedStatement).map((t) => (t.db ? `${t.db}.${t.name}` : t.name));
    const unique = [...new Set(read)];
    if (unique.length > 0) ctx.report(unique.join(','));
  },
});
