// `ON UPDATE CURRENT_TIMESTAMP(n)` whose n is not the column's fractional-seconds precision: MySQL's free text
// `Invalid ON UPDATE clause for 'c' column`, among the column's first field messages as goInception raises it
// (docs/audit.md "Field rules").
import { bareTypeName } from '../../column-type.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: null,
  on: ['create_table', 'alter_table'],
  async check(_stmt, ctx) {
    for (const { at, column } of await ctx.facts.columnWrites()) {
      const onUpdate = column.model?.onUpdate;
      const type = bareTypeName(column.dataType);
      if (onUpdate?.kind !== 'current_timestamp' || (type !== 'timestamp' && type !== 'datetime')) continue;
      const fsp = Number(/\((\d+)\)/.exec(onUpdate.value ?? '')?.[1] ?? 0);
      if (fsp !== (column.length ?? 0)) ctx.errorAt(at, `Invalid ON UPDATE clause for '${column.name}' column`);
    }
  },
});
