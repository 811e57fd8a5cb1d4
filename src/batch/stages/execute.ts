// EXECUTING as a batch stage (docs/stages.md): the loop in execute/ with every stage's preflight and statement hook.

import { runExecuteStage } from '../../execute/execute.js';
import type { StatementHook } from '../../execute/hooks.js';
import type { BatchStage } from '../context.js';

export function executeStage(): BatchStage {
  return {
    name: 'EXECUTING',
    async run(ctx) {
      const others = ctx.stages.filter((s) => s.name !== 'EXECUTING');
      const preflights = others.filter((s) => s.preflight).map((s) => () => s.preflight!(ctx));
      const hooks: StatementHook[] = others.flatMap((s) => (s.statementHook ? [s.statementHook(ctx)] : []));
      const outcome = await runExecuteStage(ctx, preflights, hooks);
      ctx.outcomes.EXECUTING = outcome;
      // What ran is backed up even after a failure or a KILL; nothing ran when execution was refused or aborted.
      return outcome !== 'refused' && outcome !== 'aborted';
    },
  };
}
