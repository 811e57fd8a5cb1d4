// `inception show [full] processlist` (docs/commands.md#processlist): this instance's connections, ordered by id.
// Like MySQL without PROCESS, a non-admin sees only connections of its own user name.

import { ColumnType, type ColumnDef, type QueryResult, type Value } from '../protocol/result.js';
import type { ProcessEntry, ProcessRegistry } from '../process/registry.js';
import { redactSecrets, truncateChars } from '../process/redact.js';
import type { LocalCommand } from './types.js';

/** The part of `CommandContext` (commands/index.ts) this command reads. */
export interface ProcesslistContext {
  session: { connectionId: number; user: string; isAdmin: boolean };
  registry: ProcessRegistry;
}

export const PROCESSLIST_COLUMNS: readonly ColumnDef[] = [
  { name: 'Id', type: ColumnType.LONGLONG },
  { name: 'Dest_User', type: ColumnType.STRING },
  { name: 'Dest_Host', type: ColumnType.STRING },
  { name: 'Dest_Port', type: ColumnType.LONG },
  { name: 'From_Host', type: ColumnType.STRING },
  { name: 'Command', type: ColumnType.STRING },
  { name: 'STATE', type: ColumnType.STRING },
  { name: 'Time', type: ColumnType.LONGLONG },
  { name: 'Info', type: ColumnType.STRING },
  { name: 'Percent', type: ColumnType.STRING },
];

const INFO_MAX_CHARS = 100;

/** One processlist row; pure so it can be tested without sockets. */
export function processlistRow(entry: ProcessEntry, full: boolean, now: number): Value[] {
  const info = entry.info === '' ? null : redactSecrets(entry.info);
  return [
    String(entry.id),
    entry.dest?.user ?? null,
    entry.dest?.host ?? null,
    entry.dest ? String(entry.dest.port) : null,
    `${entry.user}@${entry.clientHost}`,
    entry.command,
    entry.state,
    String(Math.max(0, Math.floor((now - entry.updatedAt) / 1000))),
    info === null || full ? info : truncateChars(info, INFO_MAX_CHARS),
    entry.percent > 0 ? `${entry.percent.toFixed(2)}%` : null,
  ];
}

export async function showProcesslist(
  cmd: Extract<LocalCommand, { kind: 'show_processlist' }>,
  ctx: ProcesslistContext,
): Promise<QueryResult> {
  const { user, isAdmin } = ctx.session;
  const now = Date.now();
  const rows = ctx.registry
    .list()
    .filter((entry) => isAdmin || entry.user === user)
    .map((entry) => processlistRow(entry, cmd.full, now));
  return { kind: 'rows', columns: [...PROCESSLIST_COLUMNS], rows };
}
