// enable_partition_table: DROP PARTITION of a name the table does not have on the target (case-insensitive)
// (arg the name as written) (docs/audit.md "Partition rules").
import { Code } from '../../../codes/catalogue.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ErrPartitionNotExisted,
  on: ['alter_table'],
  gate: (inc) => inc.enable_partition_table,
  async check(stmt, ctx) {
    const ddl = stmt.ddl;
    if (ddl?.type !== 'alter_table' || !ddl.specs.some((s) => s.op === 'drop_partition')) return;
    const table = await ctx.facts.target();
    if (!table || table.isNew) return;
    const names = new Set((await ctx.partitions(table)).map((p) => p.name.toLowerCase()));
    ddl.specs.forEach((spec, at) => {
      if (spec.op !== 'drop_partition' || spec.ifExists) return;
      for (const n of spec.names) if (!names.has(n.toLowerCase())) ctx.reportAt(at, n);
    });
  },
});
