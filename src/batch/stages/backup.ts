// BACKUP as a batch stage (docs/stages.md, docs/backup.md): everything it does lives in src/backup/.

import { createBackupStage } from '../../backup/stage.js';
import type { DmlRollbackSource } from '../../backup/types.js';
import type { BatchStage } from '../context.js';

/** Until the binlog reader is wired in, every DML statement is reported as not backed up (never silently). */
export const defaultRollbackSource: DmlRollbackSource = async function* (statements) {
  for (const s of statements) yield { kind: 'failed', rowIndex: s.rowIndex, reason: 'DML rollback from the binlog is not available in this build' };
};

export function backupStage(source: DmlRollbackSource): BatchStage {
  const stage = createBackupStage(source);
  return {
    name: 'BACKUP',
    prerequisites: (ctx) => stage.prerequisites(ctx),
    preflight: (ctx) => stage.preflight(ctx),
    statementHook: (ctx) => stage.statementHook(ctx),
    async run(ctx) {
      await stage.run(ctx);
      ctx.outcomes.BACKUP = 'completed';
      return true;
    },
    dispose: () => stage.dispose(),
  };
}
