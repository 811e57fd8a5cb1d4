// BACKUP (docs/backup.md): prerequisites before the batch, session fixes and a write probe before the first
// statement, a capture around every executed statement, then — after execution — rollback rows and information
// rows on the backup server. DDL rollback was finished by the capture; DML rollback streams from the binlog side
// (a DmlRollbackSource) straight into the backup server, one batch of statements at a time.

import { KILLED_MESSAGE, StageStatus, type ResultRow } from '../rows/row.js';
import { hasOnDuplicateKeyUpdate } from '../sql/ast.js';
import { driverMessage } from '../target/session.js';
import { BackupCapture, type BackupItem } from './capture.js';
import type { BackupContext } from './context.js';
import { backupDbName } from './name.js';
import { backupServerConfigured, fixBinlogSession, INVALID_BACKUP_MESSAGE, targetBackupError } from './prerequisites.js';
import { BackupStore, ROLLBACK_BYTES_PER_WRITE, ROLLBACK_ROWS_PER_WRITE, type BackupServerSettings, type InfoRow } from './store.js';
import type { BinlogSourceOptions, DmlOutcomeLocator, DmlRollbackSource, DmlStatementCapture } from './types.js';
import { sessionZone, type SessionZone } from './zone.js';

/** goInception's replication server ids: 2000111111 + (connection id mod 10000). */
const REPLICA_SERVER_ID_BASE = 2000111111;

export interface BackupStage {
  prerequisites(ctx: BackupContext): Promise<string | null>;
  preflight(ctx: BackupContext): Promise<string | null>;
  /** Created on the first use; the same capture for the whole batch. */
  statementHook(ctx: BackupContext): BackupCapture;
  run(ctx: BackupContext): Promise<boolean>;
  dispose(): Promise<void>;
}

/**
 * One batch's backup stage; `source` turns captured DML ranges into rollback statements, `locate` finds the
 * transaction of a DML whose session could not tell what became of it (killed on the target).
 */
export function createBackupStage(source: DmlRollbackSource, locate: DmlOutcomeLocator): BackupStage {
  let store: BackupStore | null = null;
  let capture: BackupCapture | null = null;
  let zone: SessionZone = { name: '+00:00', rules: null };
  const settingsOf = (ctx: BackupContext) => ctx.settings.inc as unknown as BackupServerSettings;
  return {
    async prerequisites(ctx) {
      const inc = settingsOf(ctx);
      if (!backupServerConfigured(inc)) return INVALID_BACKUP_MESSAGE;
      const targetError = await targetBackupError(ctx.target);
      if (targetError) return targetError;
      try {
        store = await BackupStore.connect(inc);
      } catch (err) {
        return `Backup server ${inc.backup_host}:${inc.backup_port} is not reachable: ${driverMessage(err)}`;
      }
      return null;
    },
    async preflight(ctx) {
      const fix = await fixBinlogSession(ctx.target);
      if (fix) return fix;
      try {
        zone = await sessionZone(ctx.target, `${ctx.options.host}:${ctx.options.port}`);
      } catch (err) {
        return driverMessage(err);
      }
      if (!store) return INVALID_BACKUP_MESSAGE;
      for (const db of databasesToBackUp(ctx)) {
        try {
          await store.probeWrite(backupDbName(ctx.options.host, ctx.options.port, db));
        } catch (err) {
          return `Backup server cannot store the rollback (${backupDbName(ctx.options.host, ctx.options.port, db)}): ${driverMessage(err)}`;
        }
      }
      return null;
    },
    statementHook(ctx) {
      capture ??= new BackupCapture(ctx);
      return capture;
    },
    async run(ctx) {
      if (!store || !capture) return true;
      const options = binlogOptions(ctx, zone, NEVER_ABORTED);
      await capture.resolveOutcomes((query) => locate(query, options));
      await writeBackup(ctx, store, capture.items, source, zone);
      return true;
    },
    async dispose() {
      await store?.close();
      store = null;
    },
  };
}

/** Databases the batch's audited DML/DDL rows name (the write probe runs in each one's backup schema). */
function databasesToBackUp(ctx: BackupContext): string[] {
  const dbs = new Set<string>();
  for (const row of ctx.rows) {
    const info = ctx.auditor.tableFor(row);
    if (info) dbs.add(info.db);
  }
  if (dbs.size === 0 && ctx.options.db) dbs.add(ctx.options.db);
  return [...dbs];
}

const NEVER_ABORTED = new AbortController().signal;

/** How the binlog side reaches the target's binlog and renders values. */
function binlogOptions(ctx: BackupContext, zone: SessionZone | string, signal: AbortSignal): BinlogSourceOptions {
  const { name: timeZone, rules: timeZoneRules } = typeof zone === 'string' ? { name: zone, rules: null } : zone;
  const { options } = ctx;
  return {
    host: options.host,
    port: options.port,
    user: options.user,
    password: options.password,
    ssl: options.ssl ? { rejectUnauthorized: false } : undefined,
    flavor: ctx.target.serverInfo.isMariaDb ? 'mariadb' : 'mysql',
    replicaServerId: REPLICA_SERVER_ID_BASE + (ctx.process.id % 10000),
    timeZone,
    timeZoneRules,
    minimalRollback: Boolean(ctx.settings.inc.enable_minimal_rollback),
    hexBlob: Boolean(ctx.settings.inc.hex_blob),
    signal,
  };
}

/** The binlog shows that a statement whose session could not tell did not commit (docs/kill.md). */
export const NOT_COMMITTED_MESSAGE = 'The binlog shows that this statement did not commit: it changed nothing and has no rollback';
/** A `--trans` statement that changed no row, of a transaction whose COMMIT the binlog showed (docs/kill.md). */
const COMMITTED_NO_ROWS_MESSAGE = 'The binlog shows that its transaction committed; this statement changed no rows';
/** Added when a statement's transaction was recognised by its text alone (MariaDB logs no thread id for it). */
const BY_TEXT_NOTE = ' (recognised by its statement text: the binlog gives no thread id for transactional changes)';

/** What the row of a statement found by resolveOutcomes says once its rollback is stored (docs/kill.md). */
function outcomeNote(item: BackupItem, rows: number): string | null {
  const outcome = item.outcome!;
  const how = outcome.found === 'text' ? BY_TEXT_NOTE : '';
  if (outcome.mode === 'killed' || outcome.mode === 'failed') {
    return `Its execution failed, but the binlog shows that it changed ${rows} rows, which stay (a non-transactional table keeps what it changed); their rollback is stored`;
  }
  if (outcome.mode === 'lost') return `The binlog shows that this statement committed, changing ${rows} rows${how}; their rollback is stored`;
  return how ? `Its binlog end position could not be read on the execute session; its transaction was found${how}` : null;
}

/** A DML statement while its rollback streams in. */
interface DecodeState {
  item: BackupItem;
  rows: number;
  finished: boolean;
}

/** Where rollback and information rows go (the backup server; unit tests keep them in memory). */
export type BackupWriter = Pick<BackupStore, 'insertRollback' | 'insertInfo' | 'reverseReplayOrder'>;

/**
 * Stores the batch's backup: DDL rollback and information rows of the captured items, and the DML rollback the
 * source streams, each batch of statements written before the next is read (memory stays bounded). Sets every
 * item's row status, backup_dbname and backup_time; a KILL during it stops the source after the current event.
 */
export async function writeBackup(
  ctx: BackupContext,
  store: BackupWriter,
  items: readonly BackupItem[],
  source: DmlRollbackSource,
  zone: SessionZone | string,
): Promise<void> {
  const { options, process: entry } = ctx;
  entry.setStage('BACKUP');
  // A KILL during EXECUTING still backs up what ran; only a KILL during BACKUP stops the decoder.
  const signal = entry.signal.aborted ? NEVER_ABORTED : entry.signal;
  const infos = new Map<string, InfoRow[]>();
  const schemaOf = (item: BackupItem) => backupDbName(options.host, options.port, item.db);
  const queueInfo = (item: BackupItem) => {
    const schema = schemaOf(item);
    const b = item.row.binlog;
    const list = infos.get(schema) ?? [];
    list.push({
      opid: item.row.sequence,
      startFile: b?.startFile ?? '',
      startPos: b?.startPos ?? 0,
      endFile: b?.endFile ?? '',
      endPos: b?.endPos ?? 0,
      sql: item.row.sql,
      host: options.host,
      db: item.db,
      table: item.table,
      port: options.port,
      type: item.type,
    });
    infos.set(schema, list);
  };
  const itemOf = new Map(items.map((item) => [item.row, item]));
  const fail = (row: ResultRow, reason: string) => {
    // A statement that failed keeps `Execute failed` unless the binlog showed it committed (docs/kill.md).
    const outcome = itemOf.get(row)?.outcome;
    if (!outcome || outcome.mode === 'unread' || (outcome.mode === 'lost' && outcome.found)) row.stageStatus = StageStatus.BACKUP_FAILED;
    row.addText(2, reason, 'backup');
  };

  const decode: DmlStatementCapture[] = [];
  const byIndex = new Map<number, DecodeState>();
  let total = 0;
  for (const item of items) {
    const row = item.row;
    if (item.outcome && !item.outcome.found && !item.failure) {
      // Its session could not tell, and the binlog shows it changed nothing: no backup, as for a failed statement.
      if (item.outcome.mode === 'lost' || item.outcome.mode === 'killed') row.addText(2, NOT_COMMITTED_MESSAGE, 'backup');
      continue;
    }
    row.backupDbName = schemaOf(item);
    const began = performance.now();
    if (item.failure) {
      fail(row, item.failure);
    } else if (item.ddl) {
      try {
        await store.insertRollback(schemaOf(item), item.table, row.sequence, item.ddl);
        row.stageStatus = StageStatus.BACKUP_OK;
        queueInfo(item);
      } catch (err) {
        fail(row, driverMessage(err));
      }
    } else if (item.dml) {
      decode.push(item.dml);
      byIndex.set(item.dml.rowIndex, { item, rows: 0, finished: false });
      total += Math.max(item.dml.affectedRows, 0);
    } else {
      // Nothing changed: no rollback rows, but the information row still records the statement.
      if (item.outcome?.found && item.outcome.mode === 'lost') {
        // A statement of a --trans transaction the binlog showed committed, which itself changed no row.
        row.stageStatus = StageStatus.EXECUTE_OK;
        row.addText(2, COMMITTED_NO_ROWS_MESSAGE, 'backup');
      }
      try {
        await store.insertRollback(schemaOf(item), item.table, row.sequence, []);
        queueInfo(item);
      } catch (err) {
        fail(row, driverMessage(err));
      }
    }
    row.backupSeconds = (performance.now() - began) / 1000;
  }

  if (decode.length > 0) {
    // In binlog order (the binlog side reads forwards): a non-transactional change looked up after a kill may lie
    // before an earlier statement's transaction (docs/kill.md). Ranges of ordinary statements are already in order.
    decode.sort((a, b) => (a.start.file === b.start.file ? a.start.position - b.start.position : a.start.file < b.start.file ? -1 : 1));
    const sourceOptions = binlogOptions(ctx, zone, signal);
    let written = 0;
    let mark = performance.now();
    const finish = (state: DecodeState) => {
      state.finished = true;
      const now = performance.now();
      state.item.row.backupSeconds = (now - mark) / 1000;
      mark = now;
    };
    // Statements are gathered per statement up to one write's worth (ROLLBACK_ROWS_PER_WRITE rows or about
    // ROLLBACK_BYTES_PER_WRITE bytes), and one write is in flight while the next one is gathered and decoded:
    // decoding and the backup server work at the same time, and memory stays bounded (at most two writes' worth).
    // The write's outcome is caught at once (an error is a value here), so a failure never goes unhandled.
    let inflight: { state: DecodeState; writing: Promise<unknown> } | null = null;
    let gathered: { state: DecodeState; sql: string[]; bytes: number } | null = null;
    const settle = async () => {
      const pending = inflight;
      inflight = null;
      if (!pending) return;
      const error = await pending.writing;
      if (error !== null && !pending.state.finished) {
        finish(pending.state);
        fail(pending.state.item.row, driverMessage(error));
      }
    };
    /** Sends what is gathered once the previous write is stored (a failed statement's rows are dropped). */
    const flush = async () => {
      const batch = gathered;
      gathered = null;
      await settle();
      if (!batch || batch.state.finished) return;
      const { state, sql } = batch;
      const { item } = state;
      inflight = {
        state,
        writing: store.insertRollback(schemaOf(item), item.table, item.row.sequence, sql).then(
          () => {
            state.rows += sql.length;
            written += sql.length;
            entry.progress(item.row.sql, total > 0 ? (written / total) * 100 : 100);
            return null;
          },
          (err: unknown) => err ?? new Error('write failed'),
        ),
      };
    };
    try {
      for await (const event of source(decode, sourceOptions)) {
        const state = byIndex.get(event.rowIndex);
        if (!state || state.finished) continue;
        const { item } = state;
        if (event.kind === 'statements') {
          if (gathered && gathered.state !== state) await flush();
          for (const sql of event.sql) {
            gathered ??= { state, sql: [], bytes: 0 };
            gathered.sql.push(sql);
            gathered.bytes += sql.length;
            if (gathered.sql.length >= ROLLBACK_ROWS_PER_WRITE || gathered.bytes >= ROLLBACK_BYTES_PER_WRITE) await flush();
          }
          continue;
        }
        // The statement's last rows are stored (or failed) before it is judged.
        if (gathered?.state === state) await flush();
        await settle();
        if (state.finished) continue;
        if (event.kind === 'done') {
          finish(state);
          if (item.outcome && item.outcome.mode !== 'unread') {
            // Its session reported no row count: the binlog's is the count (goInception does the same).
            item.row.affectedRows = event.rows;
          } else if (event.rows < leastBinlogRows(item.row)) {
            fail(item.row, `The binlog holds ${event.rows} of the ${item.row.affectedRows} changed rows`);
            continue;
          }
          try {
            if (item.reverseOnReplay && !(await store.reverseReplayOrder(schemaOf(item), item.table, item.row.sequence))) {
              fail(item.row, 'Another batch wrote to the same rollback table at the same time: the replay order of this rollback is not certain');
              continue;
            }
          } catch (err) {
            fail(item.row, driverMessage(err));
            continue;
          }
          if (item.outcome) {
            const note = outcomeNote(item, event.rows);
            // A statement that succeeded stays level 0 unless how its changes were found deserves a look.
            if (note) item.row.addText(item.outcome.mode === 'unread' ? 1 : 2, note, 'backup');
          }
          if (!item.outcome || item.outcome.mode === 'lost' || item.outcome.mode === 'unread') item.row.stageStatus = StageStatus.BACKUP_OK;
          queueInfo(item);
        } else {
          finish(state);
          fail(item.row, event.reason);
        }
      }
      await flush();
      await settle();
    } catch (err) {
      await flush();
      await settle();
      const first = [...byIndex.values()].find((s) => !s.finished);
      if (first) {
        finish(first);
        fail(first.item.row, driverMessage(err));
      }
    }
    let killedShown = false;
    for (const state of byIndex.values()) {
      if (state.finished) continue;
      state.item.row.stageStatus = StageStatus.BACKUP_FAILED;
      if (signal.aborted && !killedShown) {
        state.item.row.addText(2, KILLED_MESSAGE, 'backup');
        killedShown = true;
      }
    }
  }

  for (const [schema, list] of infos) {
    try {
      await store.insertInfo(schema, list);
    } catch (err) {
      for (const info of list) {
        const row = ctx.rows.find((r) => r.sequence === info.opid);
        if (row) fail(row, driverMessage(err));
      }
    }
  }
}

/**
 * The fewest row images the binlog can hold for a statement that reported `affectedRows`. REPLACE counts a replaced
 * row twice (delete + insert) and INSERT … ON DUPLICATE KEY UPDATE counts an updated row twice, while the binlog may
 * hold one image for it (an in-place update), so only half the count is certain there; every other DML reports
 * exactly the rows it changed (the target session runs without CLIENT_FOUND_ROWS).
 */
function leastBinlogRows(row: ResultRow): number {
  const stmt = row.statement;
  const doubled = stmt !== null && (stmt.kind === 'replace' || (stmt.kind === 'insert' && hasOnDuplicateKeyUpdate(stmt)));
  return doubled ? Math.ceil(row.affectedRows / 2) : row.affectedRows;
}
