// The schema as the batch sees it (docs/audit.md): databases and tables loaded lazily from the
// target, then changed by every DDL of the batch. Tables are immutable values; a DDL that changes a table
// replaces the cache entry with a new value, so a row keeps the layout it was audited against (the backup stage
// decodes that row's binlog events with it).

import type { SqlRunner } from './runner.js';

/** One `SHOW FULL FIELDS` row. */
export interface ColumnInfo {
  readonly field: string;
  /** Canonical type, e.g. `int(11)`, `varchar(20)`, `bigint(20) unsigned`. */
  readonly type: string;
  readonly collation: string | null;
  /** `YES`, `NO`, or '' when built from DDL that did not say. */
  readonly null: string;
  /** `PRI`, `UNI`, `MUL` or ''. */
  readonly key: string;
  readonly default: string | null;
  readonly extra: string;
  readonly comment: string;
}

/** One `SHOW INDEX` row. */
export interface IndexInfo {
  readonly keyName: string;
  readonly nonUnique: number;
  readonly seqInIndex: number;
  readonly columnName: string;
  readonly indexType: string;
}

export interface TableInfo {
  readonly db: string;
  readonly name: string;
  readonly columns: readonly ColumnInfo[];
  readonly indexes: readonly IndexInfo[];
  /** Created in this batch (the target cannot see it yet: never EXPLAINed). */
  readonly isNew: boolean;
  /** Columns were added/changed in this batch (never EXPLAINed either). */
  readonly hasNewColumns: boolean;
  readonly isView: boolean;
}

/** One partition of a table on the target (information_schema.PARTITIONS). */
export interface PartitionInfo {
  readonly name: string;
  /** PARTITION_DESCRIPTION: the LESS THAN value or the IN list as the server prints it; null for HASH/KEY. */
  readonly description: string | null;
}

/** A foreign key on the target (information_schema.KEY_COLUMN_USAGE). */
export interface ForeignKeyInfo {
  readonly table: string;
  readonly name: string;
}

/** A metadata query failed for a reason other than "does not exist"; `message` is the server's text. */
export class MetadataError extends Error {
  constructor(
    message: string,
    readonly errno: number | null,
  ) {
    super(message);
    this.name = 'MetadataError';
  }
}

const ER_NO_SUCH_TABLE = 1146;
const ER_BAD_DB_ERROR = 1049;

interface DbState {
  exists: boolean;
  isNew: boolean;
}

export function quoteIdent(name: string): string {
  return '`' + name.replace(/`/g, '``') + '`';
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

function errnoOf(err: unknown): number | null {
  const n = (err as { errno?: unknown }).errno;
  return typeof n === 'number' ? n : null;
}

function messageOf(err: unknown): string {
  const e = err as { sqlMessage?: unknown; message?: unknown };
  return String(e.sqlMessage ?? e.message ?? err);
}

export function freezeTable(t: TableInfo): TableInfo {
  return Object.freeze({
    ...t,
    columns: Object.freeze(t.columns.map((c) => Object.freeze({ ...c }))),
    indexes: Object.freeze(t.indexes.map((i) => Object.freeze({ ...i }))),
  });
}

export class SchemaSnapshot {
  private readonly dbs = new Map<string, DbState>();
  /** key → TableInfo, or null when known not to exist (missing on the target, dropped or renamed away). */
  private readonly tables = new Map<string, TableInfo | null>();
  private readonly partitionCache = new Map<string, Promise<readonly PartitionInfo[]>>();
  private readonly foreignKeyCache = new Map<string, Promise<readonly ForeignKeyInfo[]>>();
  private readonly alterCounts = new Map<string, number>();
  /** Round trips made (tests assert one per table per batch). */
  metadataQueries = 0;

  constructor(
    private readonly runner: SqlRunner,
    /** Target's lower_case_table_names: names compare case-insensitively when > 0. */
    readonly lowerCaseTableNames: number,
  ) {}

  private dbKey(db: string): string {
    return this.lowerCaseTableNames > 0 ? db.toLowerCase() : db;
  }

  private tableKey(db: string, name: string): string {
    return `${this.dbKey(db)}\u0000${this.lowerCaseTableNames > 0 ? name.toLowerCase() : name}`;
  }

  /** Whether the database exists as the batch sees it (`show databases like ?` on first use). */
  async databaseExists(db: string): Promise<boolean> {
    return (await this.databaseState(db)).exists;
  }

  /**
   * Whether the database exists, when the batch already knows (undefined: it must be asked). Lets the audit of a
   * statement whose names are all known stay synchronous (large batches on one table, docs/audit.md).
   */
  knownDatabaseExists(db: string): boolean | undefined {
    return this.dbs.get(this.dbKey(db))?.exists;
  }

  /** Whether the database was created in this batch. */
  async databaseIsNew(db: string): Promise<boolean> {
    return (await this.databaseState(db)).isNew;
  }

  private async databaseState(db: string): Promise<DbState> {
    const key = this.dbKey(db);
    const known = this.dbs.get(key);
    if (known) return known;
    this.metadataQueries++;
    let rows: Record<string, unknown>[];
    try {
      rows = await this.runner.query(`SHOW DATABASES LIKE ?`, [escapeLike(db)]);
    } catch (err) {
      throw new MetadataError(messageOf(err), errnoOf(err));
    }
    const state = { exists: rows.length > 0, isNew: false };
    this.dbs.set(key, state);
    return state;
  }

  createDatabase(db: string): void {
    this.dbs.set(this.dbKey(db), { exists: true, isNew: true });
  }

  dropDatabase(db: string): void {
    const key = this.dbKey(db);
    this.dbs.set(key, { exists: false, isNew: false });
    for (const [k, t] of this.tables) if (t && this.dbKey(t.db) === key) this.tables.set(k, null);
  }

  /**
   * The table as the batch sees it, or null when it does not exist (never created, dropped, renamed away, or its
   * database does not exist). Loads `SHOW FULL FIELDS` + `SHOW INDEX` once per table per batch.
   */
  async table(db: string, name: string): Promise<TableInfo | null> {
    const key = this.tableKey(db, name);
    if (this.tables.has(key)) return this.tables.get(key)!;
    const dbState = this.dbs.get(this.dbKey(db));
    if (dbState && (!dbState.exists || dbState.isNew)) {
      this.tables.set(key, null);
      return null;
    }
    const info = await this.load(db, name);
    this.tables.set(key, info);
    return info;
  }

  /** `table(db, name)` when the batch already knows the answer without a round trip; undefined otherwise. */
  knownTable(db: string, name: string): TableInfo | null | undefined {
    const known = this.tables.get(this.tableKey(db, name));
    if (known !== undefined) return known;
    const dbState = this.dbs.get(this.dbKey(db));
    return dbState && (!dbState.exists || dbState.isNew) ? null : undefined;
  }

  private async load(db: string, name: string): Promise<TableInfo | null> {
    const from = `${quoteIdent(db)}.${quoteIdent(name)}`;
    let fields: Record<string, unknown>[];
    let indexes: Record<string, unknown>[];
    this.metadataQueries++;
    try {
      fields = await this.runner.query(`SHOW FULL FIELDS FROM ${from}`);
      indexes = await this.runner.query(`SHOW INDEX FROM ${from}`);
    } catch (err) {
      const errno = errnoOf(err);
      if (errno === ER_NO_SUCH_TABLE || errno === ER_BAD_DB_ERROR) return null;
      throw new MetadataError(messageOf(err), errno);
    }
    return freezeTable({
      db,
      name,
      columns: fields.map((r) => ({
        field: String(r.Field ?? ''),
        type: String(r.Type ?? ''),
        collation: r.Collation == null ? null : String(r.Collation),
        null: String(r.Null ?? ''),
        key: String(r.Key ?? ''),
        default: r.Default == null ? null : String(r.Default),
        extra: String(r.Extra ?? ''),
        comment: String(r.Comment ?? ''),
      })),
      indexes: indexes.map((r) => ({
        keyName: String(r.Key_name ?? ''),
        nonUnique: Number(r.Non_unique ?? 0),
        seqInIndex: Number(r.Seq_in_index ?? 0),
        columnName: String(r.Column_name ?? ''),
        indexType: String(r.Index_type ?? ''),
      })),
      isNew: false,
      hasNewColumns: false,
      isView: false,
    });
  }

  /** Caches a table created (or replaced by a column-changing ALTER) in this batch. */
  putTable(info: TableInfo): TableInfo {
    const frozen = Object.isFrozen(info) ? info : freezeTable(info);
    this.tables.set(this.tableKey(info.db, info.name), frozen);
    return frozen;
  }

  dropTable(db: string, name: string): void {
    this.tables.set(this.tableKey(db, name), null);
  }

  /** RENAME: the table is cached under the new name (as new) and the old name stops existing. */
  async renameTable(from: { db: string; name: string }, to: { db: string; name: string }): Promise<void> {
    const info = await this.table(from.db, from.name);
    this.dropTable(from.db, from.name);
    if (info) this.putTable({ ...info, db: to.db, name: to.name, isNew: true });
  }

  /** Counts an ALTER TABLE of the table in this batch; returns how many came before it (ER_ALTER_TABLE_ONCE). */
  noteAlter(db: string, name: string): number {
    const key = this.tableKey(db, name);
    const earlier = this.alterCounts.get(key) ?? 0;
    this.alterCounts.set(key, earlier + 1);
    return earlier;
  }

  /** The table's partitions on the target, in order (loaded once per table per batch; [] when unpartitioned). */
  partitions(db: string, name: string): Promise<readonly PartitionInfo[]> {
    const key = this.tableKey(db, name);
    let found = this.partitionCache.get(key);
    if (!found) {
      found = this.metadata(
        'SELECT PARTITION_NAME, PARTITION_DESCRIPTION FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND PARTITION_NAME IS NOT NULL ORDER BY PARTITION_ORDINAL_POSITION',
        [db, name],
      ).then((rows) => rows.map((r) => ({ name: String(r.PARTITION_NAME), description: r.PARTITION_DESCRIPTION == null ? null : String(r.PARTITION_DESCRIPTION) })));
      this.partitionCache.set(key, found);
    }
    return found;
  }

  /** The foreign keys of the database's tables on the target (loaded once per database per batch). */
  foreignKeys(db: string): Promise<readonly ForeignKeyInfo[]> {
    const key = this.dbKey(db);
    let found = this.foreignKeyCache.get(key);
    if (!found) {
      found = this.metadata(
        'SELECT DISTINCT TABLE_NAME, CONSTRAINT_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ? AND REFERENCED_TABLE_NAME IS NOT NULL',
        [db],
      ).then((rows) => rows.map((r) => ({ table: String(r.TABLE_NAME), name: String(r.CONSTRAINT_NAME) })));
      this.foreignKeyCache.set(key, found);
    }
    return found;
  }

  private async metadata(sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
    this.metadataQueries++;
    try {
      return await this.runner.query(sql, params);
    } catch (err) {
      throw new MetadataError(messageOf(err), errnoOf(err));
    }
  }
}
