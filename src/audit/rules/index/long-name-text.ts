// goInception's free text for an index name longer than 64 bytes, Chinese in every language (args the table,
// the index name) (docs/audit.md "Index rules").
import { namedIndexes } from '../../key-checks.js';
import { defineRule } from '../../rule.js';
import { nameTooLong } from './name-too-long.js';

export default defineRule({
  code: null,
  on: ['create_table', 'alter_table', 'create_index'],
  async check(stmt, ctx) {
    for (const ix of await namedIndexes(stmt, ctx)) if (nameTooLong(ix)) ctx.errorAt(ix.at, `表'${ix.table}'的索引'${ix.name}'名称过长`);
  },
});
