// peer_max_text_blob_length: the TEXT/BLOB/JSON columns a table has after CREATE or ALTER TABLE may hold more
// bytes in total (each type's maximum) than the limit (docs/audit.md "Peer rules").
import { bareTypeName, textBlobBytes } from '../../column-type.js';
import { baseType } from '../../key-checks.js';
import { PeerCode } from '../../../codes/peer-codes.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: PeerCode.ErrTextBlobTooLarge,
  on: ['create_table', 'alter_table'],
  gate: (inc) => inc.peer_max_text_blob_length > 0,
  async check(stmt, ctx) {
    const ddl = stmt.ddl;
    const sizes = new Map<string, number>();
    let name = ctx.facts.tableName;
    if (ddl?.type === 'create_table') {
      for (const c of ddl.columns) sizes.set(c.name.toLowerCase(), textBlobBytes(bareTypeName(c.type.name)));
    } else if (ddl?.type === 'alter_table') {
      const table = await ctx.facts.target();
      if (!table) return;
      name = table.name;
      for (const c of table.columns) sizes.set(c.field.toLowerCase(), textBlobBytes(baseType(c.type)));
      for (const spec of ddl.specs) {
        if (spec.op === 'add_column') for (const c of spec.columns) sizes.set(c.name.toLowerCase(), textBlobBytes(bareTypeName(c.type.name)));
        else if (spec.op === 'drop_column') sizes.delete(spec.column.toLowerCase());
        else if (spec.op === 'modify_column') sizes.set(spec.column.name.toLowerCase(), textBlobBytes(bareTypeName(spec.column.type.name)));
        else if (spec.op === 'change_column') {
          sizes.delete(spec.old.toLowerCase());
          sizes.set(spec.column.name.toLowerCase(), textBlobBytes(bareTypeName(spec.column.type.name)));
        }
      }
    } else return;
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    const max = ctx.inc.peer_max_text_blob_length;
    if (total > max) ctx.report(name, total, max);
  },
});
