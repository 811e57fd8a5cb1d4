// peer_require_algorithm_lock: ALTER TABLE and CREATE INDEX must say ALGORITHM= and LOCK= so the server's choice of
// a copying, locking change is never implicit (docs/audit.md "Peer rules").
import { peerReport } from '../../peer.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: null,
  on: ['alter_table', 'create_index'],
  gate: (inc) => inc.peer_require_algorithm_lock,
  check(stmt, ctx) {
    const ddl = stmt.ddl;
    let algorithm = false;
    let lock = false;
    if (ddl?.type === 'alter_table') {
      algorithm = ddl.specs.some((s) => s.op === 'algorithm');
      lock = ddl.specs.some((s) => s.op === 'lock');
    } else if (ddl?.type === 'create_index') {
      algorithm = ddl.algorithm !== null;
      lock = ddl.lock !== null;
    } else return;
    const missing = [algorithm ? null : 'ALGORITHM=', lock ? null : 'LOCK='].filter((x) => x !== null);
    if (missing.length > 0) peerReport(ctx, ctx.inc.peer_require_algorithm_lock_level, `Set ${missing.join(' and ')} explicitly for table '${ctx.facts.tableName}'`);
  },
});
