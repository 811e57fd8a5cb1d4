// A table COMMENT longer than 2048 bytes, in CREATE or ALTER TABLE: the free text `Comment for table 't' is too
// long (max = 2048)` with the table as the statement writes it, among the table options (docs/audit.md
// "Table rules").
import { defineRule } from '../../rule.js';

const MAX_TABLE_COMMENT_BYTES = 2048;

export default defineRule({
  code: null,
  on: ['create_table', 'alter_table'],
  check(stmt, ctx) {
    const ddl = stmt.ddl;
    const specs = ddl?.type === 'alter_table' ? ddl.specs.map((s, at) => ({ s, at })) : [];
    const options =
      ddl?.type === 'create_table'
        ? ddl.options.map((o) => ({ o, at: -1 }))
        : specs.flatMap(({ s, at }) => (s.op === 'options' ? s.options.map((o) => ({ o, at })) : []));
    for (const { o, at } of options) {
      if (o.name !== 'COMMENT' || Buffer.byteLength(o.value, 'utf8') <= MAX_TABLE_COMMENT_BYTES) continue;
      const text = `Comment for table '${ctx.facts.tableName}' is too long (max = ${MAX_TABLE_COMMENT_BYTES})`;
      if (at < 0) ctx.error(text);
      else ctx.errorAt(at, text);
    }
  },
});
