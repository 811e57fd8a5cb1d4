// Partitioning (no arguments): PARTITION BY in CREATE TABLE, and ALTER's PARTITION BY, ADD / DROP PARTITION and
// REMOVE PARTITIONING, unless enable_partition_table; every other partition maintenance spec (TRUNCATE,
// COALESCE, REORGANIZE, EXCHANGE …) always, as goInception does (docs/audit.md "Partition rules").
import { Code } from '../../../codes/catalogue.js';
import { AFTER_DEFINITIONS } from '../../partition-lists.js';
import { defineRule } from '../../rule.js';

const NEED_ENABLE = new Set(['partition_by', 'add_partition', 'drop_partition', 'remove_partitioning']);

export default defineRule({
  code: Code.ER_PARTITION_NOT_ALLOWED,
  on: ['create_table', 'alter_table'],
  check(stmt, ctx) {
    const ddl = stmt.ddl;
    const enabled = ctx.inc.enable_partition_table;
    if (ddl?.type === 'create_table') {
      if (ddl.partition && !enabled) ctx.reportAt(AFTER_DEFINITIONS);
      return;
    }
    if (ddl?.type !== 'alter_table') return;
    ddl.specs.forEach((spec, at) => {
      if (spec.op === 'partition_maintenance' || (NEED_ENABLE.has(spec.op) && !enabled)) ctx.reportAt(at);
    });
  },
});
