// Runs a local command (docs/commands.md) and answers with a QueryResult; refusals are MysqlErrors.
// One small module per command; processlist.ts and kill.ts read only the session manager.

import { ER, mysqlError, type QueryResult } from '../protocol/result.js';
import type { CommandContext } from './context.js';
import { runKill } from './kill.js';
import { setLevel, showLevels } from './levels.js';
import { controlOsc, showOscPercent, showOscProcesslist } from './osc.js';
import { showProcesslist } from './processlist.js';
import type { LocalCommand } from './types.js';
import { setVariables, showVariables } from './variables.js';

export type { CommandContext } from './context.js';
export { parseLocalCommand } from './parse.js';

export const NOT_SUPPORTED_MESSAGE = 'Not supported statement type.';

/** Runs one local command. Inside a batch only `inception set` reaches here (batch/plan.ts refuses the rest). */
export async function runLocalCommand(cmd: LocalCommand, ctx: CommandContext): Promise<QueryResult> {
  switch (cmd.kind) {
    case 'show_variables':
      return showVariables(cmd, ctx);
    case 'set_variables':
      return setVariables(cmd, ctx);
    case 'show_levels':
      return showLevels(cmd, ctx);
    case 'set_level':
      return setLevel(cmd, ctx);
    case 'show_processlist':
      return showProcesslist(cmd, ctx);
    case 'kill':
      return runKill(cmd, ctx);
    case 'osc_processlist':
      return showOscProcesslist();
    case 'osc_percent':
      return showOscPercent(cmd);
    case 'osc_control':
      return controlOsc(cmd);
    case 'unsupported':
      throw mysqlError(ER.UNKNOWN, NOT_SUPPORTED_MESSAGE);
  }
}
