// A BIT column's default must be 0, 1, a bit literal (b'101'), '' or NULL; anything else gets ER_INVALID_DEFAULT,
// among the later field messages as goInception raises it (docs/audit.md "Field rules").
import { Code } from '../../../codes/catalogue.js';
import { bareTypeName } from '../../column-type.js';
import { defineRule } from '../../rule.js';
import type { DefaultValue } from '../../../sql/ddl/model.js';

function validBitDefault(d: DefaultValue): boolean {
  switch (d.kind) {
    case 'bit':
    case 'null':
    case 'bool':
      return true;
    case 'number':
      return d.value === '0' || d.value === '1';
    case 'string':
      return d.value === '';
    default:
      return false;
  }
}

export default defineRule({
  code: Code.ER_INVALID_DEFAULT,
  on: ['create_table', 'alter_table'],
  async check(_stmt, ctx) {
    for (const { at, column } of await ctx.facts.columnWrites()) {
      const d = column.model?.default;
      if (d && bareTypeName(column.dataType) === 'bit' && !validBitDefault(d)) ctx.reportAt(at, column.name);
    }
  },
});
