// Attribution and decoding of a stretch of binlog events (docs/binlog.md): which transaction carries which
// statement's changes, and the rollback statements of those changes, batched. Pure: events in, RollbackEvents out
// (index.ts feeds it from the dump connection).

import type { BinlogPosition, BinlogSourceOptions, DmlStatementCapture, RollbackEvent, TableLayout } from '../types.js';
import { TimeZone } from '../rollback/literal.js';
import { deleteStatement, insertStatement, updateStatement } from '../rollback/statements.js';
import {
  EventType,
  readHeader,
  readMariadbGtid,
  readMysqlGtid,
  readQuery,
  readRotate,
  readRowsHead,
  readTableMap,
  rowsKindOf,
  STMT_END_FLAG,
  type RowsKind,
  type TableMapEvent,
} from './events.js';
import { JsonDecodeError } from './mysql-json.js';
import { bindTable, LayoutMismatch, readRow, type BoundTable, type RenderOptions } from './rows.js';

/** Rollback statements per `statements` event: few enough to keep memory flat, enough to amortise awaits. */
export const BATCH_STATEMENTS = 256;

/** What take() returns when nothing is ready (never modified). */
const NOTHING: RollbackEvent[] = [];

/** `mysql-bin.000012` → 12; files of one server sort by that number. */
function fileNumber(file: string): number {
  const m = /\.(\d+)$/.exec(file);
  return m ? Number(m[1]) : -1;
}

export function comparePositions(a: BinlogPosition, b: BinlogPosition): number {
  if (a.file !== b.file) {
    const fa = fileNumber(a.file);
    const fb = fileNumber(b.file);
    if (fa >= 0 && fb >= 0 && fa !== fb) return fa - fb;
    return a.file < b.file ? -1 : 1;
  }
  return a.position - b.position;
}

export function describe(p: BinlogPosition): string {
  return `${p.file}:${p.position}`;
}

interface StatementState {
  capture: DmlStatementCapture;
  /** Its transaction was found (its rows, if any, were seen). */
  matched: boolean;
  finished: boolean;
  rows: number;
  /** Row images to pass over when a transaction is read again after a reconnect (already handed out). */
  skip: number;
  failure: string | null;
  /** Table id → bound layout (or the reason it cannot be bound), for the current transaction. */
  bound: Map<number, BoundTable | LayoutMismatch>;
}

interface Transaction {
  gtid: string | null;
  start: BinlogPosition;
  /**
   * Inside an explicit transaction (MySQL: after BEGIN; MariaDB: a non-standalone GTID group), which only COMMIT,
   * ROLLBACK or XID end. Otherwise (a DDL's own GTID group) the next Query event ends it.
   */
  begun: boolean;
  /** Statements whose changes this transaction carries, in order; null while undecided (MySQL, thread id). */
  statements: StatementState[] | null;
  /** Index into `statements` of the statement the next rows event belongs to (advances at each statement end). */
  segment: number;
  tables: Map<number, TableMapEvent>;
}

/** A statement that wrote nothing to the binlog: no rows reported and an empty range. */
function isEmpty(s: StatementState): boolean {
  return s.capture.affectedRows === 0 && comparePositions(s.capture.start, s.capture.end) >= 0;
}

function layoutFor(capture: DmlStatementCapture, map: TableMapEvent): TableLayout | undefined {
  return (
    capture.tables.find((t) => t.db === map.db && t.name === map.table) ??
    capture.tables.find((t) => t.db.toLowerCase() === map.db.toLowerCase() && t.name.toLowerCase() === map.table.toLowerCase())
  );
}

export class RollbackReader {
  private readonly states: StatementState[];
  private out: RollbackEvent[] = [];
  private batch: { rowIndex: number; db: string; table: string; sql: string[] } | null = null;
  private file = '';
  /** End of the last event outside any transaction: where a reconnect may resume. */
  private lastSafe: BinlogPosition | null = null;
  private txn: Transaction | null = null;
  /** Index of the first statement not yet finished. */
  private head = 0;
  private readonly render: RenderOptions;
  /** TIMESTAMPs in UTC, for statements that cannot be written in the session's zone (a repeated DST hour). */
  private readonly utcRender: RenderOptions;

  constructor(
    statements: readonly DmlStatementCapture[],
    private readonly options: Pick<BinlogSourceOptions, 'flavor' | 'minimalRollback' | 'hexBlob'>,
    zone: TimeZone,
  ) {
    this.states = statements.map((capture) => ({ capture, matched: false, finished: false, rows: 0, skip: 0, failure: null, bound: new Map() }));
    this.render = { timeZone: zone, hexBlob: options.hexBlob };
    this.utcRender = { timeZone: TimeZone.utc(options.flavor === 'mysql'), hexBlob: options.hexBlob };
  }

  get done(): boolean {
    this.advanceHead();
    return this.head >= this.states.length;
  }

  /** Events ready for the consumer (drained by the caller). */
  take(): RollbackEvent[] {
    if (this.out.length === 0) return NOTHING;
    const ready = this.out;
    this.out = [];
    return ready;
  }

  /** Where the dump must start: the first unfinished statement's start. */
  startPosition(): BinlogPosition {
    this.advanceHead();
    return this.states[this.head].capture.start;
  }

  private advanceHead(): void {
    while (this.head < this.states.length && this.states[this.head].finished) this.head++;
  }

  /** Leading statements with nothing to read (empty range, no rows) finish before any binlog is read. */
  finishEmpty(): void {
    for (const s of this.states) {
      if (!isEmpty(s)) break;
      this.finish(s);
    }
  }

  /** The binlog ended: statements with nothing to read are complete, the others failed. */
  finishAtEnd(): void {
    this.flush();
    for (const s of this.states) {
      if (!s.finished && !s.failure && isEmpty(s)) this.finish(s);
    }
    this.failRemaining((s) => `the binlog ends before the statement's end position ${describe(s.capture.end)}`);
  }

  failRemaining(reason: (s: StatementState) => string): void {
    this.flush();
    for (const s of this.states) {
      if (!s.finished) {
        s.failure ??= reason(s);
        this.finish(s);
      }
    }
  }

  flush(): void {
    if (this.batch && this.batch.sql.length) this.out.push({ kind: 'statements', ...this.batch });
    this.batch = null;
  }

  private emit(s: StatementState, db: string, table: string, sql: string): void {
    const b = this.batch;
    if (!b || b.rowIndex !== s.capture.rowIndex || b.db !== db || b.table !== table || b.sql.length >= BATCH_STATEMENTS) {
      this.flush();
      this.batch = { rowIndex: s.capture.rowIndex, db, table, sql: [sql] };
      return;
    }
    b.sql.push(sql);
  }

  private finish(s: StatementState): void {
    if (s.finished) return;
    if (this.batch?.rowIndex === s.capture.rowIndex) this.flush();
    s.finished = true;
    this.out.push(s.failure ? { kind: 'failed', rowIndex: s.capture.rowIndex, reason: s.failure } : { kind: 'done', rowIndex: s.capture.rowIndex, rows: s.rows });
  }

  private fail(s: StatementState, reason: string): void {
    s.failure ??= reason;
  }

  /** Statements whose range contains `at` and that have not been attributed yet. */
  private candidates(at: BinlogPosition): StatementState[] {
    const found: StatementState[] = [];
    for (let i = this.head; i < this.states.length; i++) {
      const s = this.states[i];
      if (comparePositions(s.capture.start, at) > 0) break;
      if (!s.finished && !s.matched && comparePositions(at, s.capture.end) < 0) found.push(s);
    }
    return found;
  }

  private openTransaction(gtid: string | null, start: BinlogPosition, begun: boolean): void {
    this.closeTransaction();
    const txn: Transaction = { gtid, start, begun, statements: null, segment: 0, tables: new Map() };
    const candidates = this.candidates(start);
    if (gtid !== null && candidates.some((s) => s.capture.gtid !== null)) {
      this.attribute(txn, candidates.filter((s) => s.capture.gtid === gtid));
    } else if (this.options.flavor === 'mariadb') {
      // No GTID was captured for these statements: nothing identifies their transaction exactly.
      this.attribute(txn, []);
    }
    this.txn = txn;
  }

  private attribute(txn: Transaction, statements: StatementState[]): void {
    for (const s of statements) s.matched = true;
    // Statements of one transaction share it; only those that changed rows have rows events, in order.
    const changing = statements.filter((s) => s.capture.affectedRows > 0);
    txn.statements = statements.length > 1 && changing.length > 0 ? changing : statements;
  }

  private closeTransaction(): void {
    const txn = this.txn;
    if (!txn) return;
    this.txn = null;
    for (const s of txn.statements ?? []) {
      s.bound.clear();
    }
  }

  /** Statements whose end lies at or before `at` are complete unless their transaction is still open. */
  private finishUpTo(at: BinlogPosition): void {
    for (let i = this.head; i < this.states.length; i++) {
      const s = this.states[i];
      if (comparePositions(s.capture.end, at) > 0) break;
      if (s.finished || this.txn?.statements?.includes(s)) continue;
      if (!s.matched && s.capture.affectedRows > 0) {
        this.fail(
          s,
          s.capture.gtid === null && this.options.flavor === 'mariadb'
            ? 'no GTID was captured for the statement, so its binlog events cannot be attributed exactly'
            : `its transaction${s.capture.gtid ? ` (GTID ${s.capture.gtid})` : ''} was not found in the binlog between ${describe(s.capture.start)} and ${describe(s.capture.end)}`,
        );
      }
      this.finish(s);
    }
  }

  /**
   * Where to resume after the dump connection dropped: the start of the open transaction (read again, passing over
   * the row images already handed out), else the end of the last event.
   */
  resumePosition(): BinlogPosition {
    const txn = this.txn;
    this.txn = null;
    if (txn) {
      for (const s of txn.statements ?? []) {
        s.matched = false;
        s.skip = s.rows;
        s.bound.clear();
      }
      return txn.start;
    }
    return this.lastSafe ?? this.startPosition();
  }

  /** Handles one binlog event. */
  onEvent(event: Buffer): void {
    const h = readHeader(event);
    const start: BinlogPosition = { file: this.file, position: h.nextPosition - h.length };
    switch (h.type) {
      case EventType.ROTATE: {
        this.file = readRotate(event).file;
        return;
      }
      case EventType.MARIADB_GTID: {
        const g = readMariadbGtid(event, h.serverId);
        this.openTransaction(g.gtid, start, !g.standalone);
        break;
      }
      case EventType.GTID:
      case EventType.GTID_TAGGED:
      case EventType.ANONYMOUS_GTID:
        this.openTransaction(readMysqlGtid(event, h.type), start, false);
        break;
      case EventType.QUERY: {
        const q = readQuery(event);
        const text = q.query.trim().toUpperCase();
        if (text === 'BEGIN' || text.startsWith('XA START')) {
          if (!this.txn) this.openTransaction(null, start, false);
          const txn = this.txn!;
          if (txn.statements === null) {
            this.attribute(
              txn,
              this.candidates(txn.start).filter((s) => s.capture.gtid === null && s.capture.threadId === q.threadId),
            );
          }
          txn.begun = true;
        } else if (text === 'COMMIT' || text === 'ROLLBACK' || text.startsWith('XA COMMIT') || text.startsWith('XA ROLLBACK') || !this.txn?.begun) {
          this.closeTransaction();
        }
        break;
      }
      case EventType.XID:
        this.closeTransaction();
        break;
      case EventType.TABLE_MAP:
        if (this.txn?.statements?.length) {
          const map = readTableMap(event);
          this.txn.tables.set(map.tableId, map);
        }
        break;
      default: {
        const kind = rowsKindOf(h.type);
        if (kind && this.txn?.statements?.length) this.onRows(event, h.type, kind);
        break;
      }
    }
    if (h.nextPosition > 0 && this.file) {
      const end = { file: this.file, position: h.nextPosition };
      if (!this.txn && (!this.lastSafe || comparePositions(end, this.lastSafe) > 0)) this.lastSafe = end;
      this.finishUpTo(end);
    }
  }

  private onRows(event: Buffer, type: number, kind: RowsKind | 'unsupported'): void {
    const txn = this.txn!;
    const statements = txn.statements!;
    if (txn.segment >= statements.length) {
      this.fail(statements[statements.length - 1], 'its transaction changed rows in more statements than were captured');
      return;
    }
    const s = statements[txn.segment];
    if (kind === 'unsupported') {
      this.fail(s, `binlog event type ${event[4]} (compressed or partial row events) cannot be decoded`);
      return;
    }
    const head = readRowsHead(event, type);
    if (head.flags & STMT_END_FLAG) txn.segment++;
    if (s.failure) return;
    const map = txn.tables.get(head.tableId);
    if (!map) {
      this.fail(s, `rows event for table id ${head.tableId} without its TABLE_MAP`);
      return;
    }
    let bound = s.bound.get(head.tableId);
    if (!bound) {
      const layout = layoutFor(s.capture, map);
      // Tables the statement does not target (trigger side effects) are not rolled back here.
      if (!layout) return;
      try {
        bound = bindTable(map, layout, this.render);
      } catch (err) {
        if (!(err instanceof LayoutMismatch)) throw err;
        bound = err;
      }
      s.bound.set(head.tableId, bound);
    }
    if (bound instanceof LayoutMismatch) {
      this.fail(s, `columns do not match: ${bound.message}`);
      return;
    }
    if (!head.fullImage) {
      this.fail(s, 'the binlog row image is not FULL (binlog_row_image must be FULL)');
      return;
    }
    const { db, name } = bound.layout;
    const zone = this.render.timeZone;
    const cursor = { at: head.rowsOffset };
    const end = event.length;
    try {
      while (cursor.at < end) {
        const rowAt = cursor.at;
        const ambiguous = zone.ambiguousValues;
        let sql = this.rollbackOf(bound, kind, event, cursor);
        if (zone.ambiguousValues !== ambiguous) {
          // A TIMESTAMP in the hour a DST fall-back repeats: its local time names two instants. The statement is
          // written in UTC instead, with the session zone set for it alone (docs/binlog.md, "Values").
          bound.utc ??= bindTable(map, bound.layout, this.utcRender);
          sql = this.rollbackOf(bound.utc, kind, event, { at: rowAt });
          if (sql && this.options.flavor === 'mariadb') sql = `SET STATEMENT time_zone = '+00:00' FOR ${sql}`;
        }
        if (s.skip > 0) {
          s.skip--;
          continue;
        }
        s.rows++;
        if (sql) this.emit(s, db, name, sql);
      }
    } catch (err) {
      if (err instanceof LayoutMismatch) this.fail(s, `columns do not match: ${err.message}`);
      else if (err instanceof JsonDecodeError) this.fail(s, `${db}.${name}: ${err.message}`);
      else if (err instanceof RangeError) this.fail(s, `a row image of ${db}.${name} is truncated or does not match its layout`);
      else throw err;
    }
  }

  /** The rollback statement of the row image(s) at `cursor` (advanced past them). */
  private rollbackOf(bound: BoundTable, kind: 'insert' | 'update' | 'delete', event: Buffer, cursor: { at: number }): string | null {
    if (kind === 'update') {
      const before = readRow(bound, event, cursor);
      const after = readRow(bound, event, cursor);
      return updateStatement(bound.rollback, before, after, this.options.minimalRollback);
    }
    const row = readRow(bound, event, cursor);
    return kind === 'insert' ? deleteStatement(bound.rollback, row) : insertStatement(bound.rollback, row);
  }
}
