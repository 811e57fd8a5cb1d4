// Free texts of ALTER's partition specs (level 2): more than one partition spec in one ALTER, and REMOVE
// PARTITIONING of a table the target does not partition (docs/audit.md "Partition rules").
import { defineRule } from '../../rule.js';

const PARTITION_SPECS = new Set(['partition_by', 'add_partition', 'drop_partition', 'remove_partitioning', 'partition_maintenance']);

export default defineRule({
  code: null,
  on: ['alter_table'],
  async check(stmt, ctx) {
    const ddl = stmt.ddl;
    if (ddl?.type !== 'alter_table') return;
    if (ddl.specs.filter((s) => PARTITION_SPECS.has(s.op)).length > 1) ctx.error('Syntax error, PARTITION does not support multiple clauses.');
    if (!ctx.inc.enable_partition_table || !ddl.specs.some((s) => s.op === 'remove_partitioning')) return;
    const table = await ctx.facts.target();
    if (table && !table.isNew && (await ctx.partitions(table)).length === 0) ctx.error('Partition management on a not partitioned table is not possible');
  },
});
