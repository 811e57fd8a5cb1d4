// Peer rule max_join_tables: a query level (FROM list, UPDATE's tables, DELETE's FROM/USING) that joins more tables
// than allowed (docs/audit.md "Peer rules"). Arguments: the largest count, the limit; once per statement.
import { defineRule } from '../../rule.js';
import { PeerCode } from '../../../codes/peer-codes.js';
import { obj, walk } from './conditions.js';

export default defineRule({
  code: PeerCode.ErrTooManyJoinTables,
  on: ['select', 'insert', 'replace', 'update', 'delete'],
  queriesOnly: true,
  gate: (inc) => inc.max_join_tables > 0,
  check(stmt, ctx) {
    let most = 0;
    walk(stmt.ast, (n) => {
      const list = n.type === 'update' ? n.table : n.from;
      if (Array.isArray(list)) most = Math.max(most, list.filter((t) => obj(t) !== null).length);
    });
    if (most > ctx.inc.max_join_tables) ctx.report(most, ctx.inc.max_join_tables);
  },
});
