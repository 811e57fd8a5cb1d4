// A table CHARSET (CREATE TABLE with columns, ALTER TABLE option) written without COLLATE whose name, compared
// case-sensitively, has no built-in default collation (arg the charset as written): `DEFAULT CHARSET=UTF8MB4`
// warns, `utf8mb4` does not (docs/audit.md "Charset and engine rules").
import { Code } from '../../../codes/catalogue.js';
import { KNOWN_CHARSETS } from '../../charset-lists.js';
import { defineRule } from '../../rule.js';
import type { ParsedStatement } from '../../../sql/statement.js';
import type { TableOption } from '../../../sql/ddl/model.js';

/**
 * The table option lists goInception reads while it builds the table's layout: CREATE TABLE's (only with a column
 * list; item -1, the statement) and each ALTER options spec's (item: the spec).
 */
export function tableOptionLists(stmt: ParsedStatement): { at: number; options: readonly TableOption[] }[] {
  const ddl = stmt.ddl;
  if (ddl?.type === 'create_table') return ddl.columns.length > 0 ? [{ at: -1, options: ddl.options }] : [];
  if (ddl?.type === 'alter_table') return ddl.specs.flatMap((s, at) => (s.op === 'options' ? [{ at, options: s.options }] : []));
  return [];
}

export default defineRule({
  code: Code.ErrUnknownCharset,
  on: ['create_table', 'alter_table'],
  check(stmt, ctx) {
    for (const { at, options } of tableOptionLists(stmt)) {
      if (options.some((o) => o.name === 'COLLATE')) continue;
      for (const o of options) if (o.name === 'CHARSET' && !KNOWN_CHARSETS.has(o.value)) ctx.reportAt(at, o.value);
    }
  },
});
