// must_have_columns: CREATE TABLE with a column list that lacks configured columns ('name [type]' items; a column
// of another base type counts as missing) (arg the missing items, trimmed, joined with `,`) (docs/audit.md
// "Table rules").
import { Code } from '../../../codes/catalogue.js';
import { bareTypeName } from '../../column-type.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_MUST_HAVE_COLUMNS,
  on: ['create_table'],
  gate: (inc) => inc.must_have_columns.trim() !== '',
  check(stmt, ctx) {
    const ddl = stmt.ddl;
    if (ddl?.type !== 'create_table' || ddl.columns.length === 0) return;
    const types = new Map(ddl.columns.map((c) => [c.name.toLowerCase(), bareTypeName(c.type.name)]));
    const missing = ctx.inc.must_have_columns
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '')
      .filter((item) => {
        const [name = '', type] = item.split(/\s+/);
        const have = types.get(name.toLowerCase());
        return have === undefined || (type !== undefined && bareTypeName(type.split('(')[0]!) !== have);
      });
    if (missing.length > 0) ctx.report(missing.join(','));
  },
});
