// What the execution loop offers the other stages (docs/stages.md): a hook around each executed statement.
// The loop knows nothing about what a hook does; backup captures binlog positions and old definitions with it.

import type { ResultRow } from '../rows/row.js';

/** How one statement ended, as the hook's `after` sees it. */
export interface StatementResult {
  ok: boolean;
  /** The target connection is gone (the statement's outcome is unknown). */
  connectionLost: boolean;
}

/**
 * Called around every statement the loop sends to the target. `before` runs just before it (it may read the target
 * on the same session: positions, old definitions); `after` runs right after it, whether it succeeded or failed.
 * A hook never fails the statement: a hook's own problem belongs on the row as a message of its stage.
 */
export interface StatementHook {
  before(row: ResultRow): Promise<void>;
  after(row: ResultRow, result: StatementResult): Promise<void>;
}
