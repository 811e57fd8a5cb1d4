// CREATE TABLE … SELECT on a target that enforces GTID consistency (`enforce_gtid_consistency` ON, or a
// `gtid_mode` ON / ON_PERMISSIVE): MySQL would refuse it, and goInception says so with a fixed free text after the
// row-size text (docs/audit.md "Table rules"). MariaDB has neither variable and never gets it.
import { defineRule } from '../../rule.js';

export default defineRule({
  code: null,
  on: ['create_table'],
  check(stmt, ctx) {
    const ddl = stmt.ddl;
    if (ddl?.type !== 'create_table' || ddl.select === null) return;
    const { enforceGtidConsistency = '', gtidMode = '' } = ctx.serverInfo;
    const enforced = ['ON', '1'].includes(enforceGtidConsistency.toUpperCase()) || gtidMode.toUpperCase().startsWith('ON');
    if (enforced) ctx.errorAt(ddl.columns.length, 'Statement violates GTID consistency: CREATE TABLE ... SELECT.');
  },
});
