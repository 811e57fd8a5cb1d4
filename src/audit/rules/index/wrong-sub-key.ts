// A key prefix length on a column that is not a string, or longer than the column (no arguments)
// (docs/audit.md "Index rules").
import { Code } from '../../../codes/catalogue.js';
import { statementKeys } from '../../key-checks.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ER_WRONG_SUB_KEY,
  on: ['create_table', 'alter_table', 'create_index'],
  async check(stmt, ctx) {
    for (const ix of (await statementKeys(stmt, ctx))?.indexes ?? []) {
      for (const c of ix.columns) {
        if (c.length === null || !c.info) continue;
        const type = c.info.type.toLowerCase();
        const declared = /char\((\d+)\)|binary\((\d+)\)/.exec(type);
        if (!/blob|char|text|binary/.test(type)) ctx.reportAt(ix.at);
        else if (declared && c.length > Number(declared[1] ?? declared[2])) ctx.reportAt(ix.at);
      }
    }
  },
});
