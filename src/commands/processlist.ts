// `inception show [full] processlist` (docs/commands.md#processlist): this instance's connections, ordered by id.
// `inception show [full] cluster processlist` (docs/kill.md): every live instance's, with INSTANCE and SERVER_ID
// in front and a warning for each instance that did not answer. Like MySQL without PROCESS, a non-admin sees
// only connections of its own user name (the owning instance applies that rule).

import { ColumnType, columnDefs, ER, type ColumnDef, type QueryResult, type Value } from '../protocol/result.js';
import { redactSecrets, truncateChars } from '../process/redact.js';
import type { ProcessView, SessionManager } from '../process/sessions.js';
import type { LocalCommand } from './types.js';

/** The part of `CommandContext` (commands/index.ts) this command reads. */
export interface ProcesslistContext {
  session: { connectionId: number; user: string; isAdmin: boolean };
  sessions: SessionManager;
}

export const PROCESSLIST_COLUMNS: readonly ColumnDef[] = columnDefs(
  ['Id', ColumnType.LONGLONG], ['Dest_User', ColumnType.STRING], ['Dest_Host', ColumnType.STRING],
  ['Dest_Port', ColumnType.LONG], ['From_Host', ColumnType.STRING], ['Command', ColumnType.STRING],
  ['STATE', ColumnType.STRING], ['Time', ColumnType.LONGLONG], ['Info', ColumnType.STRING],
  ['Percent', ColumnType.STRING],
);

export const CLUSTER_PROCESSLIST_COLUMNS: readonly ColumnDef[] = [
  ...columnDefs(['INSTANCE', ColumnType.STRING], ['SERVER_ID', ColumnType.LONG]),
  ...PROCESSLIST_COLUMNS,
];

const INFO_MAX_CHARS = 100;

/** One processlist row; pure so it can be tested without sockets. */
export function processlistRow(entry: ProcessView, full: boolean, now: number): Value[] {
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
  const listing = await ctx.sessions.list({ user, isAdmin }, cmd.cluster ? 'cluster' : 'local');
  const now = Date.now();
  const ordered = listing.processes.sort((a, b) => a.id - b.id);
  if (!cmd.cluster) return { kind: 'rows', columns: [...PROCESSLIST_COLUMNS], rows: ordered.map((p) => processlistRow(p, cmd.full, now)) };
  return {
    kind: 'rows',
    columns: [...CLUSTER_PROCESSLIST_COLUMNS],
    rows: ordered.map((p) => [p.instance, String(p.serverId), ...processlistRow(p, cmd.full, now)]),
    warnings: listing.unanswered.map((message) => ({ level: 'Warning' as const, code: ER.UNKNOWN.code, message })),
  };
}
