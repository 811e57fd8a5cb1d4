// The binlog side of BACKUP (docs/binlog.md): the statements' captured binlog ranges in, rollback statements out,
// streaming. One dump connection reads from the first statement's start to the last one's end; reader.ts
// attributes each transaction in that stretch to statements exactly (MariaDB: its GTID equals the @@last_gtid
// captured after the statement; MySQL: the GTID, or the thread id of its BEGIN), so other sessions' writes to the
// same tables are never mistaken for ours. Memory is bounded by the dump queue and one batch of statements.

import type { BinlogSourceOptions, DmlRollbackSource, DmlStatementCapture, RollbackEvent } from '../types.js';
import { TimeZone } from '../rollback/literal.js';
import { BinlogDump, DumpError } from './dump.js';
import { describe, RollbackReader } from './reader.js';

/** Reconnects after a lost dump connection, per readRollback call. */
const MAX_RECONNECTS = 3;

async function* readRollbackEvents(statements: readonly DmlStatementCapture[], options: BinlogSourceOptions): AsyncGenerator<RollbackEvent> {
  if (statements.length === 0) return;
  let zone: TimeZone;
  try {
    zone = new TimeZone(options.timeZone, options.timeZoneRules ?? null);
  } catch {
    for (const s of statements) yield { kind: 'failed', rowIndex: s.rowIndex, reason: `unknown session time zone '${options.timeZone}'` };
    return;
  }
  const reader = new RollbackReader(statements, options, zone);
  reader.finishEmpty();
  yield* reader.take();
  if (reader.done || options.signal.aborted) return;
  let position = reader.startPosition();
  let dump: BinlogDump | null = null;
  let reconnects = 0;
  const interrupt = () => dump?.interrupt();
  options.signal.addEventListener('abort', interrupt);
  try {
    for (;;) {
      if (options.signal.aborted) {
        reader.flush();
        yield* reader.take();
        return;
      }
      if (!dump) {
        try {
          dump = await BinlogDump.open(options, position);
        } catch (err) {
          reader.failRemaining(() => `cannot open the binlog dump at ${describe(position)}: ${(err as Error).message}`);
          yield* reader.take();
          return;
        }
        continue;
      }
      let event: Buffer | null;
      try {
        event = await dump.next();
      } catch (err) {
        const e = err as DumpError;
        dump.close();
        dump = null;
        if (e.retryable && reconnects < MAX_RECONNECTS) {
          // Read again from the last safe point; the reader passes over what it already handed out.
          reconnects++;
          position = reader.resumePosition();
          await new Promise((resolve) => setTimeout(resolve, 100 * reconnects));
          continue;
        }
        reader.failRemaining(() =>
          e.errno === 1236
            ? `the binlog cannot be read from ${describe(position)} (purged or rotated away?): ${e.message}`
            : `the binlog dump connection failed: ${e.message}`,
        );
        yield* reader.take();
        return;
      }
      if (event === null) {
        if (options.signal.aborted) continue;
        reader.finishAtEnd();
        yield* reader.take();
        return;
      }
      reader.onEvent(event);
      const ready = reader.take();
      if (ready.length) yield* ready;
      if (reader.done) return;
    }
  } finally {
    options.signal.removeEventListener('abort', interrupt);
    dump?.close();
  }
}

export const readRollback: DmlRollbackSource = (statements, options) => readRollbackEvents(statements, options);
