// The binlog side of BACKUP (docs/binlog.md): statements' captured binlog ranges in, rollback statements out.
// First cut: the signature is final; decoding lands in the next commits, until then every statement reports
// `failed`, so the stage never claims a rollback it does not have.

import type { DmlRollbackSource, RollbackEvent } from '../types.js';

export const readRollback: DmlRollbackSource = async function* (statements, options): AsyncGenerator<RollbackEvent> {
  for (const statement of statements) {
    if (options.signal.aborted) return;
    yield { kind: 'failed', rowIndex: statement.rowIndex, reason: 'binlog decoding is not available yet' };
  }
};
