// `KILL [CONNECTION|QUERY] <id>` and `KILL CONNECTION_ID()` (docs/kill.md).
// The registry does the lookup, the privilege rule (own user name or admin) and the 1094/1095 errors.

import type { QueryResult } from '../protocol/result.js';
import type { ProcessRegistry } from '../process/registry.js';
import type { LocalCommand } from './types.js';

/** The part of `CommandContext` (commands/index.ts) this command reads. */
export interface KillContext {
  session: { connectionId: number; user: string; isAdmin: boolean };
  registry: ProcessRegistry;
}

export async function runKill(cmd: Extract<LocalCommand, { kind: 'kill' }>, ctx: KillContext): Promise<QueryResult> {
  const { connectionId, user, isAdmin } = ctx.session;
  const id = cmd.id ?? BigInt(connectionId);
  // Killing yourself with CONNECTION answers OK first, then the connection closes (MySQL does the same);
  // the registry marks it closeRequested instead of closing the socket under our own response.
  ctx.registry.kill({ user, isAdmin, connectionId }, id, cmd.mode);
  return { kind: 'ok' };
}
