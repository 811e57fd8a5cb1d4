// What became of a DML statement whose session could not tell (docs/kill.md "KILL on the target"): it was killed,
// failed, or its connection was lost, so no `@@last_gtid` could be read after it. The binlog between the position
// read before it and the end of the binlog once its thread had ended is read, and each transaction that touches
// one of its tables (a table map) is classified:
//  · a thread id in the transaction (MySQL's BEGIN; MariaDB's COMMIT Query event of a non-transactional change; a
//    DDL) equal to the statement's thread: its own; any other thread: someone else's;
//  · no thread id (MariaDB's transactional DML): with `byText`, an ANNOTATE_ROWS text equal to the statement's
//    makes it a candidate, other texts rule it out, no text at all leaves it undecided.
// Exactly one own transaction (or one candidate and nothing undecided) is the statement's; none means it changed
// nothing; anything else cannot be told apart and is reported as such, never guessed.

import type { BinlogPosition, DmlOutcomeLocator, OutcomeQuery, OutcomeResult } from '../types.js';
import { BinlogDump } from './dump.js';
import { EventType, readAnnotateRows, readHeader, readMariadbGtid, readMysqlGtid, readQuery, readRotate, readTableMap } from './events.js';
import { comparePositions, describe } from './reader.js';

/** One transaction of the range, as far as attribution needs it. */
export interface ScannedTransaction {
  start: BinlogPosition;
  end: BinlogPosition;
  gtid: string | null;
  /** The thread id a Query event of it carries (0 and absent: unknown). */
  threadId: number | null;
  /** ANNOTATE_ROWS texts (MariaDB), in order. */
  texts: string[];
  /** `db.table`, lower-cased, of every table map. */
  tables: Set<string>;
  /** Explicit transaction (BEGIN / non-standalone GTID group): only COMMIT, ROLLBACK or XID end it. */
  begun: boolean;
}

const tableKey = (db: string, name: string) => `${db.toLowerCase()}.${name.toLowerCase()}`;

/** Splits a stream of events into transactions (pure: events in, finished transactions out). */
export class TransactionScanner {
  private file = '';
  private open: ScannedTransaction | null = null;
  readonly finished: ScannedTransaction[] = [];
  /** End of the last event read. */
  position: BinlogPosition | null = null;

  constructor(start: BinlogPosition) {
    this.file = start.file;
  }

  /** Handles one event; returns its start position (null for an artificial event). */
  onEvent(event: Buffer): BinlogPosition | null {
    const h = readHeader(event);
    if (h.type === EventType.ROTATE) {
      this.file = readRotate(event).file;
      return null;
    }
    if (h.nextPosition === 0) return null;
    const start = { file: this.file, position: h.nextPosition - h.length };
    const end = { file: this.file, position: h.nextPosition };
    const begin = (gtid: string | null, begun: boolean) => {
      this.close();
      this.open = { start, end, gtid, threadId: null, texts: [], tables: new Set(), begun };
    };
    switch (h.type) {
      case EventType.MARIADB_GTID: {
        const g = readMariadbGtid(event, h.serverId);
        begin(g.gtid, !g.standalone);
        break;
      }
      case EventType.GTID:
      case EventType.GTID_TAGGED:
      case EventType.ANONYMOUS_GTID:
        begin(readMysqlGtid(event, h.type), false);
        break;
      case EventType.QUERY: {
        const q = readQuery(event);
        const text = q.query.trim().toUpperCase();
        if (!this.open) begin(null, false);
        const txn = this.open!;
        if (q.threadId !== 0) txn.threadId ??= q.threadId;
        txn.end = end;
        if (text === 'BEGIN' || text.startsWith('XA START')) txn.begun = true;
        else if (/^(COMMIT|ROLLBACK|XA COMMIT|XA ROLLBACK)\b/.test(text) || !txn.begun) this.close();
        break;
      }
      case EventType.XID:
        if (this.open) this.open.end = end;
        this.close();
        break;
      case EventType.MARIADB_ANNOTATE_ROWS:
        this.open?.texts.push(readAnnotateRows(event));
        break;
      case EventType.TABLE_MAP: {
        const map = readTableMap(event);
        this.open?.tables.add(tableKey(map.db, map.table));
        break;
      }
      default:
        break;
    }
    if (this.open) this.open.end = end;
    this.position = end;
    return start;
  }

  close(): void {
    if (this.open) this.finished.push(this.open);
    this.open = null;
  }
}

/** Which of `transactions` is the statement's (see the file comment). */
export function attributeOutcome(query: OutcomeQuery, transactions: readonly ScannedTransaction[]): OutcomeResult {
  const tables = new Set(query.tables.map((t) => tableKey(t.db, t.name)));
  const touching = transactions.filter((t) => [...t.tables].some((k) => tables.has(k)));
  const own = touching.filter((t) => t.threadId === query.threadId);
  const found = (t: ScannedTransaction, by: 'thread' | 'text'): OutcomeResult => ({ kind: 'found', start: t.start, end: t.end, gtid: t.gtid, by });
  if (own.length === 1) return found(own[0]!, 'thread');
  const names = query.tables.map((t) => `${t.db}.${t.name}`).join(', ');
  const range = `between ${describe(query.start)} and ${describe(query.end)}`;
  if (own.length > 1) return { kind: 'unknown', reason: `${own.length} transactions of thread ${query.threadId} on ${names} ${range}: which one is this statement's cannot be told` };
  const anonymous = query.byText ? touching.filter((t) => t.threadId === null) : [];
  const candidates = anonymous.filter((t) => query.statements.every((sql) => t.texts.includes(sql)));
  const undecided = anonymous.filter((t) => t.texts.length === 0);
  if (candidates.length === 0 && undecided.length === 0) return { kind: 'none' };
  if (candidates.length === 1 && undecided.length === 0) return found(candidates[0]!, 'text');
  const why =
    candidates.length > 1
      ? `${candidates.length} of them carry this statement's very text`
      : `the binlog gives neither a thread id nor the statement text for ${undecided.length} of them`;
  return {
    kind: 'unknown',
    reason: `whether this statement changed rows cannot be told from the binlog: ${candidates.length + undecided.length} transactions on ${names} ${range} cannot be told apart from its own (${why})`,
  };
}

/** Reads the query's range on its own dump connection (MariaDB: with statement annotations) and attributes it. */
export const locateOutcome: DmlOutcomeLocator = async (query, options) => {
  if (comparePositions(query.start, query.end) >= 0) return { kind: 'none' };
  let dump: BinlogDump;
  try {
    dump = await BinlogDump.open(options, query.start, options.flavor === 'mariadb');
  } catch (err) {
    return { kind: 'unknown', reason: `cannot open the binlog dump at ${describe(query.start)}: ${(err as Error).message}` };
  }
  const scanner = new TransactionScanner(query.start);
  try {
    for (;;) {
      const event = await dump.next();
      if (event === null) break;
      const at = scanner.onEvent(event);
      // Transactions that begin at or after the end began after the statement's thread had ended.
      if (at && comparePositions(at, query.end) >= 0) break;
    }
  } catch (err) {
    return { kind: 'unknown', reason: `the binlog dump connection failed: ${(err as Error).message}` };
  } finally {
    dump.close();
  }
  // The transaction open at the end, if any, began before it.
  scanner.close();
  if (!scanner.position || comparePositions(scanner.position, query.end) < 0) {
    return { kind: 'unknown', reason: `the binlog ends before ${describe(query.end)}` };
  }
  return attributeOutcome(query, scanner.finished.filter((t) => comparePositions(t.start, query.end) < 0));
};
