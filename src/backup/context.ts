// What the backup stage reads of a batch (the batch's context is a superset; docs/stages.md).

import type { Logger } from 'pino';
import type { Auditor } from '../audit/engine.js';
import type { Settings } from '../config/settings.js';
import type { ProcessEntry } from '../process/registry.js';
import type { ResultRow } from '../rows/row.js';
import type { TargetSession } from '../target/session.js';

export interface BackupContext {
  options: {
    host: string;
    port: number;
    user: string;
    password: string;
    db: string;
    execute: boolean;
    backup: boolean;
    /** `--ssl` of the target connection: the binlog connection uses TLS when the target session does. */
    ssl: string;
  };
  rows: ResultRow[];
  target: TargetSession;
  settings: Pick<Settings, 'inc'>;
  process: ProcessEntry;
  log: Logger;
  auditor: Pick<Auditor, 'tableFor' | 'snapshot'>;
}
