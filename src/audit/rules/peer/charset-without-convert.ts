// peer_charset_without_convert: ALTER TABLE … [DEFAULT] CHARSET= without CONVERT TO CHARACTER SET changes only
// the default for new columns; existing columns keep their character set (docs/audit.md "Peer rules").
import { peerReport } from '../../peer.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: null,
  on: ['alter_table'],
  gate: (inc) => inc.peer_charset_without_convert,
  check(stmt, ctx) {
    const ddl = stmt.ddl;
    if (ddl?.type !== 'alter_table' || ddl.specs.some((s) => s.op === 'convert_charset')) return;
    const charset = ddl.specs.flatMap((s) => (s.op === 'options' ? s.options : [])).find((o) => o.name === 'CHARSET');
    if (charset) {
      peerReport(
        ctx,
        ctx.inc.peer_charset_without_convert_level,
        `CHARSET ${charset.value} changes only the default of table '${ctx.facts.tableName}'; existing columns keep theirs (use CONVERT TO CHARACTER SET)`,
      );
    }
  },
});
