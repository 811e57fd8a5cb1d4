// What the execution loop offers the other stages (docs/stages.md): a hook around each executed statement, and
// around each transaction of several statements (`--trans`). The loop knows nothing about what a hook does; backup
// captures binlog positions and old definitions with it.

import type { ResultRow } from '../rows/row.js';

/** How one statement ended, as the hook's `after` sees it. */
export interface StatementResult {
  ok: boolean;
  /** The target connection is gone (the statement's outcome is unknown). */
  connectionLost: boolean;
  /** The server's error number when it answered with an error (1317: interrupted by KILL QUERY). */
  errno?: number;
  /** It was never sent (the connection was already gone): it certainly changed nothing. */
  notSent?: boolean;
}

/**
 * Called around every statement the loop sends to the target. `before` runs just before it (it may read the target
 * on the same session: positions, old definitions); `after` runs right after it, whether it succeeded or failed.
 * A hook never fails the statement: a hook's own problem belongs on the row as a message of its stage.
 *
 * With `--trans=N` the loop also says where a transaction of several statements begins (after its `BEGIN`, before
 * the first statement's `before`) and how it ended (after its `COMMIT` or `ROLLBACK`): a statement's `after` inside
 * a transaction does not yet know whether its changes will stay.
 */
export interface StatementHook {
  before(row: ResultRow): Promise<void>;
  after(row: ResultRow, result: StatementResult): Promise<void>;
  transactionBegin?(): Promise<void>;
  /**
   * `rows`: the transaction's rows that ran, in order; `committed` false: none of their transactional changes
   * stayed, unless `unknown`: the COMMIT lost its connection, so it may have happened.
   */
  transactionEnd?(rows: readonly ResultRow[], committed: boolean, unknown?: boolean): Promise<void>;
}
