// What a local command runs with. Re-exported by index.ts.

import type { Config } from '../config/config.js';
import type { Settings } from '../config/settings.js';
import type { ProcessRegistry } from '../process/registry.js';

export interface CommandContext {
  session: {
    connectionId: number;
    user: string;
    isAdmin: boolean;
    /** This connection's own `inception set session` assignments (grants on), when it keeps any. */
    settingAssignments?: { name: string; value: string }[];
  };
  registry: ProcessRegistry;
  /** The server-wide settings (`inception set` outside a batch changes these). */
  settings: Settings;
  /** The batch's session copy when inside a batch. */
  sessionSettings?: Settings;
  config: Config;
  inBatch: boolean;
}
