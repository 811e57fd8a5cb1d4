// Runs a local command (reference-behaviour §1.5) and answers with a QueryResult; refusals are MysqlErrors.
// One small module per command; processlist.ts and kill.ts read only the registry.

import { ER, mysqlError, type QueryResult } from '../protocol/result.js';
import type { CommandContext } from './context.js';
import { runKill } from './kill.js';
import { setLevel, showLevels } from './levels.js';
import { showProcesslist } from './processlist.js';
import type { LocalCommand } from './types.js';
import { setVariables, showVariables } from './variables.js';

export type { CommandContext } from './context.js';
export { parseLocalCommand } from './parse.js';

export const NOT_SUPPORTED_MESSAGE = 'Not supported statement type.';
/** A local command other than `inception set` inside a batch (§1.2). */
export const MIXED_OPERATIONS_MESSAGE = '无效操作!不支持本地操作和远程操作混用!';

export async function runLocalCommand(cmd: LocalCommand, ctx: CommandContext): Promise<QueryResult> {
  if (ctx.inBatch && cmd.kind !== 'set_variables' && cmd.kind !== 'set_level') {
    throw mysqlError(ER.UNKNOWN, MIXED_OPERATIONS_MESSAGE);
  }
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
    case 'unsupported':
      throw mysqlError(ER.UNKNOWN, NOT_SUPPORTED_MESSAGE);
  }
}
