// Cooperative CPU sharing (docs/security.md "Event loop"): one event loop serves every connection, so a long
// CPU step (splitting, auditing, encoding a 100k-row result) gives the other connections a turn after a short
// budget. A step calls `await turns.pause()` in its loop; the pause costs nothing until the budget is spent.

import { setImmediate as nextTurn } from 'node:timers/promises';

/** Uninterrupted work a step may do before it lets others run (keeps every other client's wait ≪ 50 ms). */
export const TURN_BUDGET_MS = 10;

export class Turns {
  private since = performance.now();

  constructor(private readonly budgetMs = TURN_BUDGET_MS) {}

  /** True when the budget is spent (a caller that cannot await yet may check this cheaply). */
  get due(): boolean {
    return performance.now() - this.since >= this.budgetMs;
  }

  /** Yields to the event loop when the budget is spent; resolves at once otherwise. */
  async pause(): Promise<void> {
    if (!this.due) return;
    await nextTurn();
    this.since = performance.now();
  }
}

/** Drives a step written as a generator (it yields at safe points) to its result, pausing when the budget is spent. */
export async function runInTurns<T>(step: Generator<void, T, void>, turns = new Turns()): Promise<T> {
  for (;;) {
    const next = step.next();
    if (next.done) return next.value;
    await turns.pause();
  }
}

/** Runs a generator step to its result without pausing (for callers that need the answer synchronously). */
export function runAtOnce<T>(step: Generator<void, T, void>): T {
  for (;;) {
    const next = step.next();
    if (next.done) return next.value;
  }
}
