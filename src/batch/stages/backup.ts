// BACKUP as a batch stage (docs/stages.md, docs/backup.md): everything it does lives in src/backup/.

import { createBackupStage } from '../../backup/stage.js';
import { locateOutcome } from '../../backup/binlog/outcome.js';
import type { DmlOutcomeLocator, DmlRollbackSource } from '../../backup/types.js';
import type { BatchStage } from '../context.js';

export function backupStage(source: DmlRollbackSource, locate: DmlOutcomeLocator = locateOutcome): BatchStage {
  const stage = createBackupStage(source, locate);
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
