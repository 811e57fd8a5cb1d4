// The backup stage's hook around each executed statement (docs/backup.md "What is captured"). Before a statement it
// reads what the rollback will need from the target, on the execute session itself: the binlog position for DML,
// the old definitions for DDL. After it, the end position and the statement's GTID (DML) or the new definition and
// the finished DDL rollback; for DML inside a `--trans` transaction, after its COMMIT. Nothing here decodes the binlog; that happens in the BACKUP stage, after execution.

import { alterActionsOf } from '../sql/alter-actions.js';
import { databaseNameOf, renamePairsOf, tablesOf, updateSetOf, type TableName } from '../sql/ast.js';
import { SchemaSnapshot, type TableInfo } from '../audit/snapshot.js';
import type { StatementKind } from '../sql/statement.js';
import type { ResultRow } from '../rows/row.js';
import { driverMessage, isConnectionLost, type BinlogPosition } from '../target/session.js';
import type { BackupContext } from './context.js';
import { alterRollback } from './ddl/alter-rollback.js';
import { createTableRollback, createViewRollback, dropTableRollback, dropViewRollback, renameTableRollback, type TableRef } from './ddl/rollback.js';
import { quoteName } from './ddl/show-create.js';
import { tableLayoutOf } from './layout.js';
import type { DmlStatementCapture, OutcomeQuery, OutcomeResult, TableLayout } from './types.js';

/** `type` of the information row. */
export type BackupType =
  | 'INSERT' | 'UPDATE' | 'DELETE' | 'CREATETABLE' | 'ALTERTABLE' | 'DROPTABLE' | 'RENAMETABLE' | 'CREATEINDEX' | 'DROPINDEX' | 'UNKNOWN';

const TYPE_OF: Partial<Record<StatementKind, BackupType>> = {
  insert: 'INSERT',
  replace: 'INSERT',
  update: 'UPDATE',
  delete: 'DELETE',
  create_table: 'CREATETABLE',
  alter_table: 'ALTERTABLE',
  drop_table: 'DROPTABLE',
  rename_table: 'RENAMETABLE',
  create_index: 'CREATEINDEX',
  drop_index: 'DROPINDEX',
  truncate_table: 'UNKNOWN',
  create_view: 'UNKNOWN',
  drop_view: 'UNKNOWN',
};

export const NO_TABLE_INFO_MESSAGE = 'Skip backup because there is no table structure information.';
export const NO_MASTER_STATUS_MESSAGE = "Can't found master binlog position.";

/** One executed statement the backup stage stores something for. */
export interface BackupItem {
  row: ResultRow;
  type: BackupType;
  /** The source table whose backup schema and rollback table receive it. */
  db: string;
  table: string;
  /** DML whose changes are in the binlog; null for DDL, for DML that changed nothing, and on failure. */
  dml: DmlStatementCapture | null;
  /** DDL: the rollback statements (possibly none, e.g. TRUNCATE); null for DML. */
  ddl: string[] | null;
  /** Why no rollback can be stored (the row becomes `Backup failed` with it). */
  failure: string | null;
  /**
   * The statement's own rollback statements must be replayed last-changed first: it changed unique-key values, so
   * undoing its rows in binlog order could collide (`SET id = id + 1`). False when each row's undo is independent.
   */
  reverseOnReplay?: boolean;
  /**
   * A DML whose session could not say what became of it (docs/kill.md "KILL on the target"); the BACKUP stage asks
   * the binlog (resolveOutcomes) before it reads the rollback.
   */
  outcome?: LateOutcome;
}

/**
 * How a DML statement whose outcome is looked up in the binlog ended: `lost` its connection was lost while it ran
 * (result unknown); `killed` the server interrupted it (KILL QUERY, a statement timeout); `failed` another server
 * error; `unread` it succeeded, but the connection was lost before its end position could be read.
 */
export interface LateOutcome {
  mode: 'lost' | 'killed' | 'failed' | 'unread';
  start: BinlogPosition;
  /** Set by resolveOutcomes: its transaction was found, and how. */
  found?: 'thread' | 'text';
  /**
   * `--trans`: every DML of its transaction with the rows each reported before the COMMIT; looked up once, with
   * the first of them.
   */
  transaction?: readonly { item: BackupItem; rows: number }[];
}

/** Server errors that mean the statement was stopped from outside (KILL QUERY, a statement timeout). */
const KILLED_ERRNOS: ReadonlySet<number> = new Set([1317, 1927, 1969, 3024]);
/** How long a killed session may take to end on the target (it rolls back first) before its outcome is read. */
const THREAD_END_WAIT_MS = 60_000;

const DML: ReadonlySet<StatementKind> = new Set(['insert', 'replace', 'update', 'delete']);

interface Before {
  row: ResultRow;
  start?: BinlogPosition | null;
  /** Old `SHOW CREATE TABLE`/`VIEW` texts by table (null: did not exist). */
  definitions: { table: TableRef; createSql: string | null }[];
  failure: string | null;
}

/**
 * Whether undoing the statement's rows in binlog order could collide on a unique key: REPLACE and
 * INSERT … ON DUPLICATE KEY UPDATE always may; an UPDATE may when it assigns a column of a unique key.
 */
function changesUniqueValues(row: ResultRow, tables: readonly TableInfo[]): boolean {
  const stmt = row.statement!;
  if (stmt.kind === 'replace') return true;
  if (stmt.kind === 'insert') return /\bON\s+DUPLICATE\s+KEY\b/i.test(stmt.text);
  if (stmt.kind !== 'update') return false;
  const unique = new Set(tables.flatMap((t) => t.indexes.filter((i) => i.nonUnique === 0).map((i) => i.columnName.toLowerCase())));
  for (const t of tables) for (const c of t.columns) if (c.key === 'PRI' || c.key === 'UNI') unique.add(c.field.toLowerCase());
  return updateSetOf(stmt).some((a) => unique.has(a.column.toLowerCase()));
}

export class BackupCapture {
  readonly items: BackupItem[] = [];
  private currentDb: string | null;
  private pending: Before | null = null;
  /**
   * The open `--trans` transaction: its start position (read once, the binlog does not move before COMMIT) and its
   * DML items, whose end position and GTID are known only after COMMIT (docs/backup.md "Transactions").
   */
  private txn: { start: BinlogPosition | null; failure: string | null; items: BackupItem[]; reported: Map<BackupItem, number> } | null = null;
  /**
   * Table layouts read from the target on the execute session, as they are between two non-DML statements: the
   * layouts the batch's DML really ran against (docs/binlog.md, "Columns"). Dropped after every other statement,
   * since a DDL may have changed them.
   */
  private live: SchemaSnapshot | null = null;

  constructor(private readonly ctx: BackupContext) {
    this.currentDb = ctx.options.db === '' ? null : ctx.options.db;
  }

  async before(row: ResultRow): Promise<void> {
    this.pending = null;
    const stmt = row.statement;
    if (!stmt || !TYPE_OF[stmt.kind]) return;
    const pending: Before = { row, definitions: [], failure: null };
    this.pending = pending;
    try {
      if (DML.has(stmt.kind)) {
        if (this.txn) {
          pending.start = this.txn.start;
          pending.failure = this.txn.failure;
          return;
        }
        pending.start = await this.ctx.target.masterStatus();
        return;
      }
      const view = stmt.kind === 'create_view' || stmt.kind === 'drop_view';
      for (const table of this.tablesBefore(row)) pending.definitions.push({ table, createSql: await this.showCreate(table, view) });
    } catch (err) {
      pending.failure = driverMessage(err);
    }
  }

  /** `result` as the execute loop reports it (execute/hooks.ts StatementResult). */
  async after(row: ResultRow, result: { ok: boolean; connectionLost: boolean; errno?: number; notSent?: boolean }): Promise<void> {
    const stmt = row.statement;
    if (stmt?.kind === 'use' && result.ok) this.currentDb = databaseNameOf(stmt) ?? this.currentDb;
    if (stmt && !DML.has(stmt.kind)) this.live = null;
    const pending = this.pending;
    this.pending = null;
    if (!pending || pending.row !== row || !stmt) return;
    const dml = DML.has(stmt.kind);
    // A failed autocommit DML may still have changed rows (a non-transactional table, or a commit whose answer
    // was lost): the binlog decides, once execution is over (resolveOutcomes).
    const late = dml && !this.txn && !pending.failure && pending.start;
    if (!result.ok && (!late || result.notSent)) return;
    const type = TYPE_OF[stmt.kind]!;
    const main = this.mainTable(row);
    if (!main) return;
    const item: BackupItem = { row, type, db: main.db, table: main.name, dml: null, ddl: null, failure: pending.failure };
    if (!result.ok) {
      const errno = result.errno ?? 0;
      item.outcome = { mode: result.connectionLost ? 'lost' : KILLED_ERRNOS.has(errno) ? 'killed' : 'failed', start: pending.start! };
      this.items.push(item);
      return;
    }
    this.items.push(item);
    if (this.txn && dml) {
      this.txn.items.push(item);
      this.txn.reported.set(item, row.affectedRows);
      return;
    }
    if (item.failure) return;
    try {
      if (dml) await this.afterDml(item, pending);
      else item.ddl = await this.ddlRollback(row, pending);
    } catch (err) {
      // Killed on the target right after it succeeded: its end position is read once execution is over.
      if (!late || !this.lost(err)) item.failure = driverMessage(err);
      else if (row.affectedRows > 0) item.outcome = { mode: 'unread', start: pending.start! };
    }
  }

  /**
   * After execution (the target session may reconnect again): for every DML whose session could not say what
   * became of it, waits until its thread has ended on the target, reads the end of the binlog and asks `locate`
   * which transaction in between is its own. Found: the item is captured like any DML, with that transaction's
   * range and GTID. Not there: it changed nothing (no dml, no failure). Undecidable: the item fails with why.
   */
  async resolveOutcomes(locate: (query: OutcomeQuery) => Promise<OutcomeResult>): Promise<void> {
    for (const item of this.items) {
      const outcome = item.outcome;
      if (!outcome || item.failure) continue;
      // A --trans transaction is looked up once, with its first DML, for all of them.
      if (outcome.transaction && outcome.transaction[0]!.item !== item) continue;
      const members = outcome.transaction ?? [{ item, rows: Math.max(item.row.affectedRows, 1) }];
      const failAll = (reason: string) => {
        for (const m of members) m.item.failure = reason;
      };
      const row = item.row;
      try {
        const ended = await this.threadEnded(row.threadId);
        if (ended) {
          failAll(ended);
          continue;
        }
        const end = await this.ctx.target.masterStatus();
        if (!end) {
          failAll(NO_MASTER_STATUS_MESSAGE);
          continue;
        }
        // Each statement that changed rows on its own: a non-transactional change is logged apart from its
        // transaction, so the statements of one --trans transaction may lie in different binlog transactions.
        const located: { item: BackupItem; rows: number; at: Extract<OutcomeResult, { kind: 'found' }> }[] = [];
        for (const m of members) {
          if (m.rows === 0) continue;
          const result = await locate({
            start: outcome.start,
            end,
            threadId: row.threadId,
            statements: [m.item.row.sql],
            tables: [{ db: m.item.db, name: m.item.table }, ...this.resolved(tablesOf(m.item.row.statement!))],
            byText: outcome.mode === 'lost' || outcome.mode === 'unread',
          });
          if (result.kind === 'unknown') m.item.failure = result.reason;
          else if (result.kind === 'found') located.push({ ...m, at: result });
          else if (outcome.mode === 'unread') {
            m.item.failure = `its transaction was not found in the binlog between ${outcome.start.file}:${outcome.start.position} and ${end.file}:${end.position}`;
          }
        }
        this.live = null;
        const ordinals = new Map<string, number>();
        for (const { item: found, rows, at } of located) {
          found.outcome!.found = at.by;
          const key = `${at.start.file}:${at.start.position}`;
          const ordinal = ordinals.get(key) ?? 0;
          ordinals.set(key, ordinal + 1);
          await this.recordDml(found, at.start, at.end, at.gtid, ordinal, rows);
        }
        // A statement that changed no row shares the fate of its transaction: committed when all the others were.
        const changed = members.filter((m) => m.rows > 0);
        if (located.length === changed.length) for (const m of members) if (m.rows === 0) m.item.outcome!.found = located[0]!.at.by;
      } catch (err) {
        failAll(driverMessage(err));
      }
    }
  }

  /** The read failed because the execute session is gone (killed on the target): the error may arrive first. */
  private lost(err: unknown): boolean {
    return isConnectionLost(err) || this.ctx.target.isClosed;
  }

  /**
   * Waits until the statement's thread has ended on the target (a killed session rolls back first), unless it is
   * the session itself, still there; returns why it cannot be waited for, or null.
   */
  private async threadEnded(threadId: number): Promise<string | null> {
    const target = this.ctx.target;
    if ((await target.threadId()) === threadId) return null;
    const deadline = Date.now() + THREAD_END_WAIT_MS;
    for (;;) {
      const rows = await target.query<{ n: string | number }>('SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE ID = ?', [threadId]);
      if (Number(rows[0]?.n ?? 0) === 0) return null;
      if (Date.now() > deadline) {
        return `the killed session (thread ${threadId}) is still running on the target after ${THREAD_END_WAIT_MS / 1000} s, so whether this statement changed rows cannot be known yet`;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** `--trans`: a transaction of several statements begins; its start position is the one of all its statements. */
  async transactionBegin(): Promise<void> {
    this.txn = { start: null, failure: null, items: [], reported: new Map() };
    try {
      this.txn.start = await this.ctx.target.masterStatus();
    } catch (err) {
      this.txn.failure = driverMessage(err);
    }
  }

  /**
   * The transaction ended. Committed: every DML item gets the transaction's range and GTID, and its place among
   * the statements that changed rows (the binlog side tells them apart by the statement-end flag, docs/binlog.md).
   * Rolled back: its statements changed nothing and have no backup.
   */
  async transactionEnd(_rows: readonly ResultRow[], committed: boolean, unknown = false): Promise<void> {
    const txn = this.txn;
    this.txn = null;
    if (!txn) return;
    // A transaction that did not commit may still have changed rows (non-transactional changes stay), and one whose
    // COMMIT lost its connection may have committed: the binlog decides (resolveOutcomes), as for one statement.
    const lookUp = (mode: LateOutcome['mode']): boolean => {
      const start = txn.start;
      if (!start || txn.failure || txn.items.some((item) => item.failure)) return false;
      const transaction = txn.items.map((item) => ({ item, rows: txn.reported.get(item) ?? 0 }));
      if (!transaction.some((m) => m.rows > 0)) return false;
      for (const item of txn.items) item.outcome = { mode, start, transaction };
      return true;
    };
    if (!committed && lookUp(unknown ? 'lost' : 'failed')) return;
    if (!committed) {
      const dropped = new Set(txn.items);
      const kept = this.items.filter((item) => !dropped.has(item));
      this.items.length = 0;
      this.items.push(...kept);
      return;
    }
    let end: BinlogPosition | null = null;
    let gtid: string | null = null;
    let failure: string | null = null;
    try {
      end = await this.ctx.target.masterStatus();
      gtid = await this.lastGtid();
    } catch (err) {
      if (this.lost(err) && lookUp('unread')) return;
      failure = driverMessage(err);
    }
    let ordinal = 0;
    for (const item of txn.items) {
      item.failure ??= failure;
      if (item.failure) continue;
      try {
        await this.recordDml(item, txn.start, end, gtid, ordinal);
      } catch (err) {
        item.failure = driverMessage(err);
      }
      if (item.row.affectedRows > 0) ordinal++;
    }
  }

  private async afterDml(item: BackupItem, pending: Before): Promise<void> {
    const end = await this.ctx.target.masterStatus();
    await this.recordDml(item, pending.start ?? null, end, null, 0);
  }

  /**
   * What the binlog side needs for one DML: its range and, on MariaDB, the GTID of its transaction (read here after
   * an autocommit statement; `gtid` when the caller read it after the transaction's COMMIT).
   */
  private async recordDml(
    item: BackupItem,
    start: BinlogPosition | null,
    end: BinlogPosition | null,
    gtid: string | null,
    ordinalInTransaction: number,
    /**
     * The binlog showed this range is its transaction (docs/kill.md): the GTID is the one given, and it changed
     * this many rows (at least 1 when its session could not report them).
     */
    located: number | null = null,
  ): Promise<void> {
    if (!start || !end) {
      item.failure = NO_MASTER_STATUS_MESSAGE;
      return;
    }
    if (start.file === end.file && start.position === end.position) return;
    const row = item.row;
    row.binlog = { startFile: start.file, startPos: start.position, endFile: end.file, endPos: end.position };
    // Other sessions may have moved the position: a statement that changed no row has nothing to roll back.
    if (row.affectedRows === 0 && located === null) return;
    const audited = this.ctx.auditor.tableFor(row);
    if (!audited) {
      item.failure = NO_TABLE_INFO_MESSAGE;
      return;
    }
    // Every table the statement names, with its layout as the statement ran: read from the target between
    // statements (a DDL earlier or later in the batch does not matter), the audited layout if that read fails.
    this.live ??= new SchemaSnapshot(this.ctx.target, this.ctx.target.serverInfo.lowerCaseTableNames);
    const live = this.live;
    const readLive = (db: string, name: string) => live.table(db, name).catch(() => null);
    const info = (await readLive(audited.db, audited.name)) ?? audited;
    const infos: TableInfo[] = [info];
    for (const t of this.resolved(tablesOf(row.statement!)).slice(1)) {
      const other = await readLive(t.db, t.name);
      if (other && !infos.some((l) => l.db === other.db && l.name === other.name)) infos.push(other);
    }
    const tables: TableLayout[] = infos.map(tableLayoutOf);
    item.reverseOnReplay = changesUniqueValues(row, infos);
    item.dml = {
      rowIndex: row.seqNo,
      start,
      end,
      gtid: located !== null ? gtid : (gtid ?? (await this.lastGtid())),
      threadId: row.threadId,
      ordinalInTransaction,
      affectedRows: located ?? row.affectedRows,
      tables,
      mainTable: { db: info.db, name: info.name },
    };
  }

  /** MariaDB: the GTID the session's last transaction got (exact attribution in the binlog). */
  private async lastGtid(): Promise<string | null> {
    if (!this.ctx.target.serverInfo.isMariaDb) return null;
    const rows = await this.ctx.target.query<{ g: string | null }>('SELECT @@last_gtid AS g');
    const g = rows[0]?.g;
    return g ? String(g) : null;
  }

  private async ddlRollback(row: ResultRow, pending: Before): Promise<string[]> {
    const stmt = row.statement!;
    const defs = pending.definitions;
    const existing = defs.filter((d): d is { table: TableRef; createSql: string } => d.createSql !== null);
    switch (stmt.kind) {
      case 'create_table':
        return defs[0] ? createTableRollback(defs[0].table, defs[0].createSql !== null) : [];
      case 'create_view':
        return defs[0] ? createViewRollback(defs[0].table, defs[0].createSql) : [];
      case 'drop_table':
        return dropTableRollback(existing.map((d) => ({ ...d.table, createSql: d.createSql })));
      case 'drop_view':
        return dropViewRollback(existing.map((d) => ({ ...d.table, createSql: d.createSql })));
      case 'rename_table':
        return renameTableRollback(renamePairsOf(stmt).map((p) => ({ from: this.resolve(p.from)!, to: this.resolve(p.to)! })));
      case 'alter_table':
      case 'create_index':
      case 'drop_index': {
        const before = defs[0];
        if (!before?.createSql) return [];
        const after = this.alteredName(row, before.table);
        const afterSql = await this.showCreate(after, false);
        if (afterSql === null) return [];
        const columnRenames = new Map<string, string>();
        const indexRenames = new Map<string, string>();
        for (const a of alterActionsOf(stmt)) {
          if (a.op === 'change_column' && a.old !== a.column.name) columnRenames.set(a.old, a.column.name);
          if (a.op === 'rename_column') columnRenames.set(a.old, a.to);
          if (a.op === 'rename_index') indexRenames.set(a.from, a.to);
        }
        return alterRollback({
          before: { ...before.table, createSql: before.createSql },
          after: { ...after, createSql: afterSql },
          columnRenames,
          indexRenames,
        });
      }
      default:
        return [];
    }
  }

  /** The table an ALTER leaves behind (its RENAME TO target, else the same table). */
  private alteredName(row: ResultRow, table: TableRef): TableRef {
    let out = table;
    for (const a of alterActionsOf(row.statement!)) if (a.op === 'rename_table') out = { db: a.to.db ?? table.db, name: a.to.name };
    return out;
  }

  /** The tables whose old definitions the rollback needs. */
  private tablesBefore(row: ResultRow): TableRef[] {
    const stmt = row.statement!;
    if (stmt.kind === 'rename_table' || stmt.kind === 'truncate_table') return [];
    const tables = this.resolved(tablesOf(stmt));
    return stmt.kind === 'drop_table' || stmt.kind === 'drop_view' ? tables : tables.slice(0, 1);
  }

  /** Where the statement's backup goes: the audited table, else its first table; null when unknown. */
  private mainTable(row: ResultRow): TableRef | null {
    const info = this.ctx.auditor.tableFor(row);
    if (info && DML.has(row.statement!.kind)) return { db: info.db, name: info.name };
    return this.resolved(tablesOf(row.statement!))[0] ?? null;
  }

  private resolve(t: TableName): TableRef | null {
    const db = t.db ?? this.currentDb;
    return db === null ? null : { db, name: t.name };
  }

  private resolved(tables: readonly TableName[]): TableRef[] {
    return tables.map((t) => this.resolve(t)).filter((t): t is TableRef => t !== null);
  }

  /** `SHOW CREATE TABLE`/`VIEW` on the execute session; null when it does not exist. */
  private async showCreate(table: TableRef, view: boolean): Promise<string | null> {
    const what = view ? 'VIEW' : 'TABLE';
    try {
      const rows = await this.ctx.target.query<Record<string, string>>(`SHOW CREATE ${what} ${quoteName(table.db)}.${quoteName(table.name)}`);
      const r = rows[0];
      if (!r) return null;
      return r['Create View'] ?? r['Create Table'] ?? null;
    } catch (err) {
      const errno = (err as { errno?: number }).errno;
      if (errno === 1146 || errno === 1049) return null;
      throw err;
    }
  }
}
