// MySQL before 5.7 refuses DEFAULT NULL on a TIMESTAMP column that is not NOT NULL: ER_INVALID_DEFAULT where the
// missing-default warning would stand (docs/audit.md "Field rules").
import { Code } from '../../../codes/catalogue.js';
import { bareTypeName } from '../../column-type.js';
import { versionParts } from '../../count-rewrite.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_INVALID_DEFAULT,
  on: ['create_table', 'alter_table'],
  async check(_stmt, ctx) {
    const version = ctx.serverInfo.version;
    const [major, minor] = versionParts(version);
    if (/mariadb/i.test(version) || major > 5 || (major === 5 && minor >= 7)) return;
    for (const { at, column } of await ctx.facts.columnWrites()) {
      if (bareTypeName(column.dataType) === 'timestamp' && column.model?.default?.kind === 'null' && column.nullable !== false) ctx.reportAt(at, column.name);
    }
  },
});
