// peer_ddl_blocklist: DDL on a listed table (comma-separated `table` or `db.table`, case-insensitive): ALTER,
// CREATE / DROP INDEX, DROP, TRUNCATE and RENAME TABLE, CREATE TABLE of that name (docs/audit.md "Peer rules").
import { tablesOf } from '../../../sql/ast.js';
import { PeerCode } from '../../../codes/peer-codes.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: PeerCode.ErrDdlOnBlockedTable,
  on: ['create_table', 'alter_table', 'create_index', 'drop_index', 'drop_table', 'truncate_table', 'rename_table'],
  gate: (inc) => inc.peer_ddl_blocklist !== '',
  check(stmt, ctx) {
    const listed = new Set(ctx.inc.peer_ddl_blocklist.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== ''));
    for (const t of tablesOf(stmt)) {
      const db = ctx.dbOf(t);
      if (listed.has(t.name.toLowerCase()) || (db !== null && listed.has(`${db}.${t.name}`.toLowerCase()))) {
        ctx.report(`${db === null ? '' : `${db}.`}${t.name}`);
      }
    }
  },
});
