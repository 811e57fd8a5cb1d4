// ALTER INDEX i VISIBLE / INVISIBLE of an index the table does not have (case-sensitive, as goInception
// compares Key_name) (arg table.index) (docs/audit.md "Index rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ErrIndexNotExisted,
  on: ['alter_table'],
  async check(stmt, ctx) {
    const ddl = stmt.ddl;
    if (ddl?.type !== 'alter_table' || !ddl.specs.some((s) => s.op === 'alter_index_visibility')) return;
    const table = await ctx.facts.target();
    if (!table) return;
    const names = new Set(table.indexes.map((i) => i.keyName));
    ddl.specs.forEach((spec, at) => {
      if (spec.op === 'add_index' && spec.index.name) names.add(spec.index.name);
      else if (spec.op === 'drop_index') names.delete(spec.name);
      else if (spec.op === 'alter_index_visibility' && !names.has(spec.name)) ctx.reportAt(at, `${table.name}.${spec.name}`);
    });
  },
});
