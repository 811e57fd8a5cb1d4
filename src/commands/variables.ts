// `inception show|get variables [like …]` and `inception set [global|session] k = v[, …]` (docs/commands.md).
// Outside a batch a set is global (in memory, later sessions see it); inside a batch it changes only the
// batch's session copy, and `global` is refused there.

import { ColumnType, ER, mysqlError, type ColumnDef, type QueryResult, type Warning } from '../protocol/result.js';
import { grantsEnabled } from '../config/config.js';
import type { CommandContext } from './context.js';
import { likePredicate } from './like.js';
import type { LocalCommand } from './types.js';

export const GLOBAL_IN_BATCH_MESSAGE = '全局变量仅支持单独设置';

/** Online schema change is not built yet (docs/result-modes.md, "OSC commands"): said wherever the switches show. */
export const OSC_NOT_BUILT_NOTE = 'osc_on and ghost_on are accepted but have no effect yet: inceptor does not run pt-osc or gh-ost';
const OSC_SWITCHES = new Set(['osc_on', 'ghost_on']);

export const VARIABLES_COLUMNS: readonly ColumnDef[] = [
  { name: 'Variable_name', type: ColumnType.STRING },
  { name: 'Value', type: ColumnType.STRING },
];

export async function showVariables(
  cmd: Extract<LocalCommand, { kind: 'show_variables' }>,
  ctx: CommandContext,
): Promise<QueryResult> {
  const keep = likePredicate(cmd.like);
  const own = ctx.session.settingAssignments ?? [];
  const shown = own.length > 0 ? ctx.settings.forSession(own) : ctx.settings;
  const rows = shown.variables().filter(([name]) => keep(name));
  const warnings: Warning[] = rows.some(([name]) => OSC_SWITCHES.has(name)) ? [{ level: 'Note', code: ER.UNKNOWN.code, message: OSC_NOT_BUILT_NOTE }] : [];
  return { kind: 'rows', columns: [...VARIABLES_COLUMNS], rows, ...(warnings.length > 0 ? { warnings } : {}) };
}

export async function setVariables(
  cmd: Extract<LocalCommand, { kind: 'set_variables' }>,
  ctx: CommandContext,
): Promise<QueryResult> {
  let target = ctx.settings;
  if (ctx.inBatch) {
    if (cmd.scope === 'global') throw mysqlError(ER.UNKNOWN, GLOBAL_IN_BATCH_MESSAGE);
    if (!ctx.sessionSettings) throw mysqlError(ER.UNKNOWN, 'session settings are not available in this batch');
    target = ctx.sessionSettings;
  } else if (grantsEnabled(ctx.config)) {
    // docs/security.md "Settings and grants": `set session` is this connection's own; the rest is global
    const own = ctx.session.settingAssignments;
    if (cmd.scope === 'session' && own) {
      // checked on a copy first: a refused assignment keeps nothing
      const { warnings } = ctx.settings.forSession(own).setAll(cmd.assignments);
      for (const a of cmd.assignments) {
        // the latest value of a name is all that matters: the list stays as long as the names set
        const same = own.findIndex((b) => b.name.trim().toLowerCase() === a.name.trim().toLowerCase());
        if (same >= 0) own.splice(same, 1);
        own.push(a);
      }
      return warnings > 0 ? { kind: 'ok', warnings } : { kind: 'ok' };
    }
    requireAdmin(ctx);
  }
  const { warnings } = target.setAll(cmd.assignments);
  return warnings > 0 ? { kind: 'ok', warnings } : { kind: 'ok' };
}

/** With grants on only admins change what every user's batches run with (MySQL's SUPER for SET GLOBAL). */
export function requireAdmin(ctx: CommandContext): void {
  if (!ctx.session.isAdmin) {
    throw mysqlError(ER.SPECIFIC_ACCESS_DENIED, 'Access denied; you need (at least one of) the SUPER privilege(s) for this operation');
  }
}
