// The seam between the two halves of BACKUP (docs/backup.md):
//  · the stage side (stage.ts, capture.ts, store/, ddl rollback) captures, around each executed DML statement,
//    where its changes sit in the target's binlog and which table layouts decode them;
//  · the binlog side (binlog/, rollback builders) turns those ranges into rollback statements, streaming.
// Types only: both sides import this file, neither imports the other's internals.

/** A position in the target's binary log. */
export interface BinlogPosition {
  file: string;
  position: number;
}

/** One column of a table as the binlog row images of a statement must be read. */
export interface ColumnLayout {
  name: string;
  /** `SHOW FULL FIELDS` Type as the batch saw it: `int(10) unsigned`, `varchar(20)`, `enum('a','b')`, `datetime(3)`. */
  columnType: string;
  /** Collation (`utf8mb4_general_ci`, `binary`), or null for non-string columns. */
  collation: string | null;
  nullable: boolean;
  /** VIRTUAL or STORED generated column: never written by rollback INSERT/UPDATE SET. */
  generated: boolean;
}

/** A table's layout at the moment a statement ran (the audit snapshot as of that statement). */
export interface TableLayout {
  db: string;
  name: string;
  /** In table order, exactly the columns the binlog row image carries. */
  columns: readonly ColumnLayout[];
  /**
   * Columns that identify a row in rollback WHERE clauses: the primary key, else a unique key whose columns are all
   * NOT NULL, else a unique key, else empty (every non-generated column is compared then).
   */
  keyColumns: readonly string[];
}

/** What the stage side captured for one executed DML statement. */
export interface DmlStatementCapture {
  /** `row.seqNo` of the statement's result row: identifies the statement in everything below. */
  rowIndex: number;
  /** Binlog position before the statement ran, and after it (or after its transaction committed). */
  start: BinlogPosition;
  end: BinlogPosition;
  /**
   * The GTID of the transaction that carries the statement's changes: MariaDB `@@last_gtid` after the statement
   * (`domain-server-seq`); MySQL with gtid_mode=ON, the session's last GTID. null when unknown.
   */
  gtid: string | null;
  /** The target thread (connection) id the statement ran on; MySQL Query events carry it. */
  threadId: number;
  /** 0 for an autocommit statement; the statement's 0-based place in its transaction otherwise (`--trans`). */
  ordinalInTransaction: number;
  /** Rows the server reported changed (0 when unknown, e.g. the connection was lost). */
  affectedRows: number;
  /** Tables the statement may change (several for multi-table UPDATE/DELETE), with their layouts. */
  tables: readonly TableLayout[];
  /** Where its rollback rows are stored: the statement's main table (multi-table statements store all there). */
  mainTable: { db: string; name: string };
}

/**
 * A time zone's offsets as the target server itself computes them (docs/binlog.md, "Values"):
 * `offsets[i]` seconds east of UTC from the UTC instant `transitions[i]` on, `initial` before the first transition.
 * Read from the server for SYSTEM and named zones, so that rendering agrees with the server's conversion even when
 * its zone data differ from Node's.
 */
export interface ZoneRules {
  initial: number;
  transitions: readonly number[];
  offsets: readonly number[];
}

/** How to reach the target's binlog and how to render values. */
export interface BinlogSourceOptions {
  host: string;
  port: number;
  user: string;
  password: string;
  /** TLS for the replication connection: undefined = plain. Same meaning as the target session's TLS. */
  ssl?: { ca?: string; cert?: string; key?: string; rejectUnauthorized: boolean };
  flavor: 'mariadb' | 'mysql';
  /** Replication server id of our dump connection (must differ from every real replica's). */
  replicaServerId: number;
  /**
   * The execute session's time zone as an offset (`+08:00`) or IANA name: TIMESTAMP values are rendered in it, so
   * applying the rollback under the same session time zone restores the exact instant.
   */
  timeZone: string;
  /** The server's own offsets for `timeZone` when it is SYSTEM or a named zone (backup/zone.ts); else Intl's. */
  timeZoneRules?: ZoneRules | null;
  /** `enable_minimal_rollback`: UPDATE rollbacks SET only the columns whose value changed. */
  minimalRollback: boolean;
  /** `hex_blob`: binary values that are not valid UTF-8 are written as X'…'. */
  hexBlob: boolean;
  /** KILL: stop after the current event. */
  signal: AbortSignal;
}

/** What the binlog side streams back, in binlog order. */
export type RollbackEvent =
  /**
   * Rollback statements (each ends with `;`) for statement `rowIndex`, acting on `db.table`, in binlog order. Batched
   * (a few hundred at most) so that a million rows do not mean a million awaits.
   */
  | { kind: 'statements'; rowIndex: number; db: string; table: string; sql: string[] }
  /** Statement `rowIndex` is completely decoded: `rows` row images were turned into rollback statements. */
  | { kind: 'done'; rowIndex: number; rows: number }
  /** Statement `rowIndex` could not be (fully) decoded; `reason` is for the result row. */
  | { kind: 'failed'; rowIndex: number; reason: string };

/**
 * The binlog side's one entry point: decodes the statements' ranges (given in execution order) and streams rollback
 * events with bounded memory. Every statement ends with exactly one `done` or `failed` event, unless the signal
 * fired first (then the stream ends after the current binlog event).
 */
export type DmlRollbackSource = (
  statements: readonly DmlStatementCapture[],
  options: BinlogSourceOptions,
) => AsyncIterable<RollbackEvent>;

/**
 * A DML statement whose session could not say what became of it (docs/kill.md "KILL on the target"): it failed,
 * was killed, or its connection was lost, so `@@last_gtid` cannot be read. Its transaction, if any, is looked for
 * by position range: from `start` (read before it ran) to `end` (read once its thread had ended).
 */
export interface OutcomeQuery {
  start: BinlogPosition;
  end: BinlogPosition;
  /** The target thread the statement ran on. */
  threadId: number;
  /**
   * The statements as they were sent (MariaDB annotates row events with them): its transaction carries all of
   * them. One, or those of a `--trans` transaction that reported changed rows.
   */
  statements: readonly string[];
  /** Tables it may change. */
  tables: readonly { db: string; name: string }[];
  /**
   * `text`: its transaction may be recognised by its statement text when the binlog gives no thread id (its
   * connection was lost, so it may have committed). Otherwise the server answered with an error, which rolled back
   * its transactional changes: only changes that carry its thread id (non-transactional tables) can be its.
   */
  byText: boolean;
}

/** What the binlog says of an OutcomeQuery's statement. */
export type OutcomeResult =
  /** No transaction of it in the range: it changed nothing. */
  | { kind: 'none' }
  /** Its transaction: exactly this range, with this GTID (null on MySQL without GTIDs); `by` tells how it was known. */
  | { kind: 'found'; start: BinlogPosition; end: BinlogPosition; gtid: string | null; by: 'thread' | 'text' }
  /** It cannot be told (other sessions' transactions on its tables that cannot be told apart, a read error). */
  | { kind: 'unknown'; reason: string };

/** The binlog side's look-up of one OutcomeQuery. */
export type DmlOutcomeLocator = (query: OutcomeQuery, options: BinlogSourceOptions) => Promise<OutcomeResult>;
