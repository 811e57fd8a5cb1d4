// peer_require_algorithm_lock: ALTER TABLE and CREATE INDEX must say ALGORITHM= and LOCK= so the server's choice of
// a copying, locking change is never implicit (docs/audit.md "Peer rules").
import { PeerCode } from '../../../codes/peer-codes.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: PeerCode.ErrAlgorithmLockNotSet,
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
    if (missing.length > 0) ctx.report(missing.join(' and '), ctx.facts.tableName);
  },
});
