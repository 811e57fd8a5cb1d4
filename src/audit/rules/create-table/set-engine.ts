// ENGINE in CREATE or ALTER TABLE while enable_set_engine is off (arg the table, not the engine) (docs/audit.md
// "Table rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';
import { tableOptions } from '../../table-options.js';

export default defineRule({
  code: Code.ER_CANT_SET_ENGINE,
  on: ['create_table', 'alter_table'],
  gate: (inc) => !inc.enable_set_engine,
  check(stmt, ctx) {
    for (const { at } of tableOptions(stmt, 'ENGINE')) ctx.reportAt(at, ctx.facts.tableName);
  },
});
