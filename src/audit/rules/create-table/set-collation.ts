// A table COLLATE in CREATE or ALTER TABLE while enable_set_collation is off (arg table) (docs/audit.md
// "Table rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';
import { tableOptions } from '../../table-options.js';

export default defineRule({
  code: Code.ErrTableCollationNotSupport,
  on: ['create_table', 'alter_table'],
  gate: (inc) => !inc.enable_set_collation,
  check(stmt, ctx) {
    for (const { at } of tableOptions(stmt, 'COLLATE')) ctx.reportAt(at, ctx.facts.tableName);
  },
});
