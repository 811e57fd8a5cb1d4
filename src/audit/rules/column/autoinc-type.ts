// check_autoincrement_datatype: an auto_increment column must be INT, MEDIUMINT or BIGINT (docs/audit.md
// "Field rules").
import { Code } from '../../../codes/catalogue.js';
import { bareTypeName } from '../../column-type.js';
import { defineRule } from '../../rule.js';

const ALLOWED = new Set(['int', 'mediumint', 'bigint']);

export default defineRule({
  code: Code.ER_SET_DATA_TYPE_INT_BIGINT,
  on: ['create_table', 'alter_table'],
  gate: (inc) => inc.check_autoincrement_datatype,
  async check(_stmt, ctx) {
    for (const w of await ctx.facts.columnWrites()) if (w.column.autoIncrement && !ALLOWED.has(bareTypeName(w.column.dataType))) ctx.reportAt(w.at);
  },
});
