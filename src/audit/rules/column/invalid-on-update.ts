// ON UPDATE on a column that is not TIMESTAMP or DATETIME, or ON UPDATE of something other than CURRENT_TIMESTAMP
// (arg column; the template has no final `.`) (docs/audit.md "Field rules").
import { Code } from '../../../codes/catalogue.js';
import { bareTypeName } from '../../column-type.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_INVALID_ON_UPDATE,
  on: ['create_table', 'alter_table'],
  async check(_stmt, ctx) {
    for (const w of await ctx.facts.columnWrites()) {
      const onUpdate = w.column.model?.onUpdate;
      if (!onUpdate) continue;
      const type = bareTypeName(w.column.dataType);
      if ((type !== 'timestamp' && type !== 'datetime') || onUpdate.kind !== 'current_timestamp') ctx.reportAt(w.at, w.column.name);
    }
  },
});
