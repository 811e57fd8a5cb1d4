// peer_charset_without_convert: ALTER TABLE … [DEFAULT] CHARSET= without CONVERT TO CHARACTER SET changes only
// the default for new columns; existing columns keep their character set (docs/audit.md "Peer rules").
import { PeerCode } from '../../../codes/peer-codes.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: PeerCode.ErrCharsetWithoutConvert,
  on: ['alter_table'],
  gate: (inc) => inc.peer_charset_without_convert,
  check(stmt, ctx) {
    const ddl = stmt.ddl;
    if (ddl?.type !== 'alter_table' || ddl.specs.some((s) => s.op === 'convert_charset')) return;
    const charset = ddl.specs.flatMap((s) => (s.op === 'options' ? s.options : [])).find((o) => o.name === 'CHARSET');
    if (charset) ctx.report(charset.value, ctx.facts.tableName);
  },
});
