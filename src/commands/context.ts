// What a local command runs with. Re-exported by index.ts.

import type { Config } from '../config/config.js';
import type { Settings } from '../config/settings.js';
import type { SessionManager } from '../process/sessions.js';

export interface CommandContext {
  session: {
    connectionId: number;
    user: string;
    isAdmin: boolean;
    /** This connection's own `inception set session` assignments (grants on), when it keeps any. */
    settingAssignments?: { name: string; value: string }[];
  };
  /** This instance's sessions, or the cluster's (the command does not know which). */
  sessions: SessionManager;
  /** The server-wide settings (`inception set` outside a batch changes these). */
  settings: Settings;
  /** The batch's session copy when inside a batch. */
  sessionSettings?: Settings;
  config: Config;
  inBatch: boolean;
}
