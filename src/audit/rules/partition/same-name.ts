// enable_partition_table: a partition name written twice in one definition list (arg the later one as written;
// the scan of that list stops there), or an ADD PARTITION name the table already has on the target (arg the
// existing PARTITION_NAME) (docs/audit.md "Partition rules").
import { Code } from '../../../codes/catalogue.js';
import { definitionLists } from '../../partition-lists.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  code: Code.ErrSameNamePartition,
  on: ['create_table', 'alter_table'],
  gate: (inc) => inc.enable_partition_table,
  async check(stmt, ctx) {
    for (const list of definitionLists(stmt)) {
      const seen = new Set<string>();
      for (const d of list.definitions) {
        if (seen.has(d.name.toLowerCase())) {
          ctx.reportAt(list.at, d.name);
          break;
        }
        seen.add(d.name.toLowerCase());
      }
      if (!list.adds) continue;
      const table = await ctx.facts.target();
      if (!table || table.isNew) continue;
      const existing = await ctx.partitions(table);
      for (const d of list.definitions) {
        const hit = existing.find((p) => p.name.toLowerCase() === d.name.toLowerCase());
        if (hit) ctx.reportAt(list.at, hit.name);
      }
    }
  },
});
