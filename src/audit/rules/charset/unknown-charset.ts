// A table CHARSET (CREATE TABLE with columns, ALTER TABLE option) written without COLLATE whose name, compared
// case-sensitively, has no built-in default collation (arg the charset as written): `DEFAULT CHARSET=UTF8MB4`
// warns, `utf8mb4` does not (docs/audit.md "Charset and engine rules").
import { Code } from '../../catalogue.js';
import { KNOWN_CHARSETS } from '../../charset-lists.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ErrUnknownCharset,
  on: ['create_table', 'alter_table'],
  check(stmt, ctx) {
    const ddl = stmt.ddl;
    const lists =
      ddl?.type === 'create_table'
        ? ddl.columns.length > 0 ? [{ at: -1, options: ddl.options }] : []
        : ddl?.type === 'alter_table'
          ? ddl.specs.flatMap((s, at) => (s.op === 'options' ? [{ at, options: s.options }] : []))
          : [];
    for (const { at, options } of lists) {
      if (options.some((o) => o.name === 'COLLATE')) continue;
      for (const o of options) if (o.name === 'CHARSET' && !KNOWN_CHARSETS.has(o.value)) ctx.reportAt(at, o.value);
    }
  },
});
