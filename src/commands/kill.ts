// `KILL [TIDB] [CONNECTION|QUERY] <id>` and `KILL … CONNECTION_ID()` (docs/kill.md). The session manager finds
// the owner (this instance or, in a cluster, another), applies the privilege rule and answers 1094/1095.

import type { QueryResult } from '../protocol/result.js';
import type { SessionManager } from '../process/sessions.js';
import type { LocalCommand } from './types.js';

/** The part of `CommandContext` (commands/index.ts) this command reads. */
export interface KillContext {
  session: { connectionId: number; user: string; isAdmin: boolean };
  sessions: SessionManager;
}

export async function runKill(cmd: Extract<LocalCommand, { kind: 'kill' }>, ctx: KillContext): Promise<QueryResult> {
  const { connectionId, user, isAdmin } = ctx.session;
  const id = cmd.id ?? BigInt(connectionId);
  // Killing yourself with CONNECTION answers OK first, then the connection closes (MySQL does the same);
  // the registry marks it closeRequested instead of closing the socket under our own response.
  await ctx.sessions.kill({ user, isAdmin, connectionId }, id, cmd.mode);
  return { kind: 'ok' };
}
