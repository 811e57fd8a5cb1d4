// `inception show|get levels [like … | where …]` and `inception set level er_x = n[, …]` (docs/commands.md,
// docs/audit.md). One row per level key of the audit catalogue, ordered by code; levels are global only.

import { LEVEL_KEYS, type LevelKeyDef } from '../config/levels.js';
import { ColumnType, ER, mysqlError, type ColumnDef, type QueryResult, type Value } from '../protocol/result.js';
import { grantsEnabled } from '../config/config.js';
import type { CommandContext } from './context.js';
import { requireAdmin } from './variables.js';
import { likePredicate, matchesLike } from './like.js';
import type { LevelsWhere, LocalCommand } from './types.js';

export const SESSION_LEVEL_MESSAGE = '暂不支持会话级的自定义审核级别';

export const LEVELS_COLUMNS: readonly ColumnDef[] = [
  { name: 'Name', type: ColumnType.STRING },
  { name: 'Value', type: ColumnType.LONGLONG },
  { name: 'Desc', type: ColumnType.STRING },
];

const WHERE_COLUMNS = ['name', 'value', 'desc'] as const;
type WhereColumn = (typeof WHERE_COLUMNS)[number];

export async function showLevels(
  cmd: Extract<LocalCommand, { kind: 'show_levels' }>,
  ctx: CommandContext,
): Promise<QueryResult> {
  const conditions = cmd.where.map(compileCondition);
  const keepName = likePredicate(cmd.like);
  const lang = ctx.settings.inc.lang;
  const rows: Value[][] = [];
  for (const def of LEVEL_KEYS) {
    const row = { name: def.key, value: String(ctx.settings.levels[def.key] ?? def.defaultLevel), desc: description(def, lang) };
    if (keepName(row.name) && conditions.every((test) => test(row))) rows.push([row.name, row.value, row.desc]);
  }
  return { kind: 'rows', columns: [...LEVELS_COLUMNS], rows };
}

export async function setLevel(cmd: Extract<LocalCommand, { kind: 'set_level' }>, ctx: CommandContext): Promise<QueryResult> {
  if (ctx.inBatch) throw mysqlError(ER.UNKNOWN, SESSION_LEVEL_MESSAGE);
  if (grantsEnabled(ctx.config)) requireAdmin(ctx);
  ctx.settings.setLevels(cmd.assignments);
  return { kind: 'ok' };
}

/** The message template in `lang` (`zh-CN` → Chinese where the code has one). */
export function description(def: LevelKeyDef, lang: string): string {
  const zh = lang.toLowerCase().replace(/-/g, '_') === 'zh_cn';
  return zh && def.zh ? def.zh : def.en;
}

function compileCondition(cond: LevelsWhere): (row: Record<WhereColumn, string>) => boolean {
  const column = cond.column.toLowerCase();
  if (!(WHERE_COLUMNS as readonly string[]).includes(column)) {
    throw mysqlError(ER.UNKNOWN, `Column '${cond.column}' not existed.`);
  }
  const key = column as WhereColumn;
  switch (cond.op) {
    case '=':
      return (row) => row[key].toLowerCase() === cond.value.toLowerCase();
    case 'like':
      return (row) => matchesLike(row[key], cond.value);
    case 'not like':
      return (row) => !matchesLike(row[key], cond.value);
  }
}
