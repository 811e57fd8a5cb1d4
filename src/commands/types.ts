// Local commands: `inception …` and `kill …`, answered by inceptor itself (docs/commands.md).
// parse.ts turns a statement text into a LocalCommand; index.ts runs it with a CommandContext.

import type { KillMode } from '../process/registry.js';

export type LikeFilter = { pattern: string; negate: boolean } | null;

export type LocalCommand =
  | { kind: 'show_variables'; like: LikeFilter }
  /** `inception set [global|session] k = v[, k2 = v2]` — scope null when not written. */
  | { kind: 'set_variables'; scope: 'global' | 'session' | null; assignments: { name: string; value: string }[] }
  | { kind: 'show_levels'; like: LikeFilter; where: LevelsWhere[] }
  | { kind: 'set_level'; assignments: { name: string; value: string }[] }
  /** `cluster`: `inception show [full] cluster processlist`, every live instance (docs/kill.md). */
  | { kind: 'show_processlist'; full: boolean; cluster: boolean }
  /** `kill [connection|query|tidb] <id>`; id is null for CONNECTION_ID() (the caller's own id). */
  | { kind: 'kill'; mode: KillMode; id: bigint | null }
  /** `inception get osc processlist`: the running pt-osc/gh-ost tasks (docs/result-modes.md, "OSC commands"). */
  | { kind: 'osc_processlist' }
  /** `inception get osc_percent '<sqlsha1>'`. */
  | { kind: 'osc_percent'; sqlsha1: string }
  /** `inception kill|stop|pause|resume osc|alter '<sqlsha1>'` (stop is kill). */
  | { kind: 'osc_control'; action: 'kill' | 'pause' | 'resume'; sqlsha1: string }
  /** Recognised but not implemented forms (`inception show create table`, osc commands …). */
  | { kind: 'unsupported'; text: string };

/** One `col = 'v'` / `col [NOT] LIKE 'p'` term of `inception show levels where …` (AND-combined). */
export interface LevelsWhere {
  column: string;
  op: '=' | 'like' | 'not like';
  value: string;
}
