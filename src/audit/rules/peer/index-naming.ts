// peer_index_name_template / peer_unique_name_template: the name a plain or UNIQUE index must have, with
// `{{table}}` and `{{column_list}}` (key columns joined by `_`) replaced; compared case-insensitively
// (docs/audit.md "Peer rules").
import { statementKeys } from '../../key-checks.js';
import { PeerCode } from '../../../codes/peer-codes.js';
import { defineRule } from '../../rule.js';

function expectedName(template: string, table: string, columns: readonly string[]): string {
  return template.replace(/\{\{\s*table\s*\}\}/g, table).replace(/\{\{\s*column_list\s*\}\}/g, columns.join('_'));
}

export default defineRule({
  code: PeerCode.ErrIndexNameMismatch,
  on: ['create_table', 'alter_table', 'create_index'],
  gate: (inc) => inc.peer_index_name_template !== '' || inc.peer_unique_name_template !== '',
  async check(stmt, ctx) {
    for (const ix of (await statementKeys(stmt, ctx))?.indexes ?? []) {
      const template = ix.kind === 'unique' ? ctx.inc.peer_unique_name_template : ix.kind === 'index' ? ctx.inc.peer_index_name_template : '';
      if (template === '' || ix.inline) continue;
      const want = expectedName(template, ix.table, ix.columns.map((c) => c.written));
      if (ix.name.toLowerCase() !== want.toLowerCase()) ctx.report(ix.name, ix.table, want);
    }
  },
});
