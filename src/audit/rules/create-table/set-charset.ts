// A table CHARSET in CREATE or ALTER TABLE while enable_set_charset is off (arg table) (docs/audit.md
// "Table rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';
import { tableOptions } from '../../table-options.js';

export default defineRule({
  code: Code.ER_TABLE_CHARSET_MUST_NULL,
  on: ['create_table', 'alter_table'],
  gate: (inc) => !inc.enable_set_charset,
  check(stmt, ctx) {
    for (const { at } of tableOptions(stmt, 'CHARSET')) ctx.reportAt(at, ctx.facts.tableName);
  },
});
