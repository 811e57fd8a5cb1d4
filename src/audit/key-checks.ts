// What the index and foreign-key rules read (docs/audit.md "Index rules"): every index a statement creates —
// CREATE TABLE's inline PRIMARY KEY / UNIQUE and its constraints, ALTER's ADD INDEX/KEY/UNIQUE/PRIMARY and
// inline PRIMARY KEY / UNIQUE of ADD COLUMN, CREATE INDEX — each with its key columns looked up in the table as
// it stands at that point (ALTER specs replayed in order) and the live indexes it joins. Pure, from the DDL
// model and the snapshot's table; built once per statement by StatementFacts.

import type { ColumnDef, DdlStatement, IndexDef, IndexPart } from '../sql/ddl/model.js';
import { bareTypeName } from './column-type.js';
import type { TableInfo } from './snapshot.js';

/** A column as the key checks see it: the stored type, whether it may be NULL, its character set. */
export interface KeyColumnInfo {
  /** Stored column name (the target's spelling, or as defined in the batch). */
  field: string;
  /** Stored type (`varchar(32)`, `int(10) unsigned`; canonical for columns defined in the batch). */
  type: string;
  /** `YES` only when NULL was declared (or DEFAULT NULL written), or the target says so. */
  nullable: boolean;
  /** Character set of a string column (from its collation or declaration), else null. */
  charset: string | null;
}

export interface KeyColumn {
  /** The key column as written. */
  written: string;
  /** Prefix length `c(10)`, null when none. */
  length: number | null;
  /** The column, null when the table has none of that name. */
  info: KeyColumnInfo | null;
}

export interface ExistingIndex {
  name: string;
  columns: string[];
  unique: boolean;
}

export interface NewIndex {
  /** Item for `ctx.reportAt`: CREATE TABLE column or constraint position, ALTER spec position, 0 for CREATE INDEX. */
  at: number;
  kind: 'primary' | 'unique' | 'index' | 'fulltext' | 'spatial';
  /** The index name goInception's checks use: as written, the CONSTRAINT symbol, '' unnamed, `PRIMARY`. */
  name: string;
  /** Inline PRIMARY KEY / UNIQUE of a column definition. */
  inline: boolean;
  /** The definition (prefix lengths, comment, visibility …); a synthetic one for inline keys. */
  def: IndexDef;
  /** Column parts in order (functional parts left out). */
  columns: KeyColumn[];
  /** The table's name as the messages print it (CREATE: as written; else the snapshot's) and its database. */
  table: string;
  db: string;
  /** Live indexes of the table before this one, including earlier ones of the same statement. */
  before: readonly ExistingIndex[];
}

/** A FOREIGN KEY the statement adds, with the item to report it at. */
export interface NewForeignKey {
  at: number;
  def: IndexDef;
  table: string;
  db: string;
  /** Names of the table's columns at that point (lower case). */
  columns: ReadonlySet<string>;
}

export interface KeyFacts {
  indexes: NewIndex[];
  foreignKeys: NewForeignKey[];
  /** Live indexes after the statement. */
  after: readonly ExistingIndex[];
}

/** Bytes per character of the character sets goInception knows; any other counts as 4 (utf8mb4's width). */
const CHARSET_WIDTH: Readonly<Record<string, number>> = {
  latin1: 1, ascii: 1, binary: 1, gbk: 2, big5: 2, sjis: 2, ucs2: 2, utf8: 3, utf8mb3: 3, ujis: 3,
  utf8mb4: 4, utf16: 4, utf32: 4, gb18030: 4,
};

export function charsetWidth(charset: string | null): number {
  return CHARSET_WIDTH[(charset ?? 'utf8mb4').toLowerCase()] ?? 4;
}

/** `utf8mb4_general_ci` → `utf8mb4`; `binary` → `binary`. */
export function charsetOfCollation(collation: string | null): string | null {
  if (!collation) return null;
  const c = collation.toLowerCase();
  return c === 'binary' ? 'binary' : (c.split('_')[0] ?? null);
}

const DEFAULT_WIDTH: Readonly<Record<string, number>> = { tinyint: 4, smallint: 6, mediumint: 9, int: 11, bigint: 20, bit: 1, char: 1 };

/**
 * The canonical type goInception prints for a column defined in the batch (docs/audit.md "Index rules"):
 * `int(11)`, `varchar(20)`, `decimal(10,2)`, `datetime(3)`, `enum('a','b')`; UNSIGNED not included.
 */
export function canonicalType(c: ColumnDef): string {
  const t = bareTypeName(c.type.name);
  const { length, scale, values } = c.type;
  if (t in DEFAULT_WIDTH || t === 'varchar') return `${t}(${length ?? DEFAULT_WIDTH[t] ?? 0})`;
  if (t === 'decimal') return `decimal(${length ?? 11},${scale ?? 0})`;
  if (t === 'float' || t === 'double') return scale !== null ? `${t}(${length ?? 0},${scale})` : t;
  if (t === 'datetime' || t === 'timestamp' || t === 'time') return length ? `${t}(${length})` : t;
  if ((t === 'enum' || t === 'set') && values) return `${t}(${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')})`;
  if ((t === 'binary' || t === 'varbinary') && length !== null) return `${t}(${length})`;
  return t;
}

/** The stored type of a column defined in the batch: canonical type, ` unsigned` when UNSIGNED or ZEROFILL. */
export function storedTypeOf(c: ColumnDef): string {
  return canonicalType(c) + (c.type.unsigned || c.type.zerofill ? ' unsigned' : '');
}

/** Base type: the stored type cut at `(`, lower case (`int(10) unsigned` → `int`; MySQL 8 `int unsigned` stays). */
export function baseType(stored: string): string {
  const i = stored.indexOf('(');
  return (i < 0 ? stored : stored.slice(0, i)).trim().toLowerCase();
}

function definedColumn(c: ColumnDef, tableCharset: string | null): KeyColumnInfo {
  const charset = c.type.charset ?? charsetOfCollation(c.type.collation) ?? tableCharset;
  return {
    field: c.name,
    type: storedTypeOf(c),
    nullable: c.nullable === true || c.default?.kind === 'null',
    charset: isStringType(bareTypeName(c.type.name)) ? charset : null,
  };
}

const STRING_TYPES = /char|text|enum|set/;
function isStringType(bare: string): boolean {
  return STRING_TYPES.test(bare);
}

function targetColumn(c: TableInfo['columns'][number], tableCharset: string | null): KeyColumnInfo {
  return {
    field: c.field,
    type: c.type,
    nullable: c.null === 'YES',
    charset: isStringType(baseType(c.type)) ? (charsetOfCollation(c.collation) ?? tableCharset) : null,
  };
}

function inlineDef(kind: 'primary' | 'unique', column: string, text: string): IndexDef {
  const part: IndexPart = { column, length: null, expression: null, order: null };
  return { kind, name: null, constraint: null, parts: [part], using: null, comment: null, visible: null, parser: null, references: null, check: null, text };
}

function existingOf(table: TableInfo): ExistingIndex[] {
  const byName = new Map<string, ExistingIndex>();
  for (const row of [...table.indexes].sort((a, b) => a.seqInIndex - b.seqInIndex)) {
    let ix = byName.get(row.keyName);
    if (!ix) {
      ix = { name: row.keyName, columns: [], unique: row.nonUnique === 0 };
      byName.set(row.keyName, ix);
    }
    ix.columns.push(row.columnName);
  }
  return [...byName.values()];
}

/** Lower-cased name → column, with the add / drop / rename operations the replay needs. */
class Columns {
  private readonly map = new Map<string, KeyColumnInfo>();
  constructor(list: KeyColumnInfo[]) {
    for (const c of list) this.map.set(c.field.toLowerCase(), c);
  }
  get(name: string): KeyColumnInfo | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }
  set(c: KeyColumnInfo): void {
    this.map.set(c.field.toLowerCase(), c);
  }
  delete(name: string): void {
    this.map.delete(name.toLowerCase());
  }
  names(): Set<string> {
    return new Set(this.map.keys());
  }
}

class Builder {
  readonly indexes: NewIndex[] = [];
  readonly foreignKeys: NewForeignKey[] = [];
  readonly live: ExistingIndex[];
  constructor(
    readonly columns: Columns,
    existing: ExistingIndex[],
    readonly table: string,
    readonly db: string,
  ) {
    this.live = existing;
  }

  add(at: number, def: IndexDef, inline: boolean, nameOverride?: string): void {
    if (def.kind === 'check') return;
    if (def.kind === 'foreign') {
      this.foreignKeys.push({ at, def, table: this.table, db: this.db, columns: this.columns.names() });
      return;
    }
    const name = nameOverride ?? (def.kind === 'primary' ? (def.constraint ?? 'PRIMARY') : (def.constraint ?? def.name ?? ''));
    const columns = def.parts.flatMap((p) => (p.column === null ? [] : [{ written: p.column, length: p.length, info: this.columns.get(p.column) }]));
    this.indexes.push({ at, kind: def.kind, name, inline, def, columns, table: this.table, db: this.db, before: [...this.live] });
    const liveName = def.kind === 'primary' ? 'PRIMARY' : name || autoName(this.live, columns[0]?.written ?? 'idx');
    this.live.push({ name: liveName, columns: columns.map((c) => c.written), unique: def.kind === 'primary' || def.kind === 'unique' });
  }

  drop(name: string): void {
    const i = this.live.findIndex((x) => x.name.toLowerCase() === name.toLowerCase());
    if (i >= 0) this.live.splice(i, 1);
  }

  result(): KeyFacts {
    return { indexes: this.indexes, foreignKeys: this.foreignKeys, after: this.live };
  }
}

function autoName(live: readonly ExistingIndex[], first: string): string {
  const names = new Set(live.map((i) => i.name.toLowerCase()));
  if (!names.has(first.toLowerCase())) return first;
  for (let n = 2; ; n++) if (!names.has(`${first}_${n}`.toLowerCase())) return `${first}_${n}`;
}

function tableCharsetOf(options: readonly { name: string; value: string }[]): string | null {
  const cs = options.find((o) => o.name === 'CHARSET');
  if (cs) return cs.value.toLowerCase();
  return charsetOfCollation(options.find((o) => o.name === 'COLLATE')?.value ?? null);
}

/**
 * The indexes and foreign keys `ddl` creates. `table` is the statement's existing table (ALTER, CREATE INDEX);
 * `db` the database the statement's table resolves to; `defaultCharset` the charset of string columns that say
 * none (the table's, else `[inc] default_charset`).
 */
export function keyFactsOf(ddl: DdlStatement, table: TableInfo | null, db: string, defaultCharset: string): KeyFacts | null {
  if (ddl.type === 'create_table') {
    if (ddl.like || ddl.columns.length === 0) return null;
    const cs = tableCharsetOf(ddl.options) ?? defaultCharset;
    const b = new Builder(new Columns(ddl.columns.map((c) => definedColumn(c, cs))), [], ddl.table.name, db);
    const pkListed = new Set(ddl.indexes.filter((i) => i.kind === 'primary').flatMap((i) => i.parts.map((p) => (p.column ?? '').toLowerCase())));
    // A column listed in PRIMARY KEY (…) is NOT NULL unless it says NULL, as MySQL makes it.
    for (const c of ddl.columns) if (pkListed.has(c.name.toLowerCase()) && c.nullable !== true && c.default?.kind !== 'null') b.columns.set({ ...b.columns.get(c.name)!, nullable: false });
    ddl.columns.forEach((c, at) => {
      if (c.primaryKey) b.add(at, inlineDef('primary', c.name, c.text), true);
      if (c.unique) b.add(at, inlineDef('unique', c.name, c.text), true, c.name.toLowerCase());
      if (c.references) {
        const fk: IndexDef = { ...inlineDef('unique', c.name, c.text), kind: 'foreign', references: c.references };
        b.add(at, fk, true);
      }
    });
    ddl.indexes.forEach((ix, k) => b.add(ddl.columns.length + k, ix, false));
    return b.result();
  }
  if (!table) return null;
  const cs = defaultCharset;
  const b = new Builder(new Columns(table.columns.map((c) => targetColumn(c, cs))), existingOf(table), table.name, table.db);
  if (ddl.type === 'create_index') {
    b.add(0, ddl.index, false);
    return b.result();
  }
  if (ddl.type !== 'alter_table') return null;
  ddl.specs.forEach((spec, at) => {
    switch (spec.op) {
      case 'add_column':
        for (const c of spec.columns) {
          if (b.columns.get(c.name)) continue;
          b.columns.set(definedColumn(c, cs));
          if (c.primaryKey) b.add(at, inlineDef('primary', c.name, c.text), true);
          if (c.unique) b.add(at, inlineDef('unique', c.name, c.text), true, autoName(b.live, c.name));
        }
        break;
      case 'modify_column':
        b.columns.set(definedColumn(spec.column, cs));
        break;
      case 'change_column':
        b.columns.delete(spec.old);
        b.columns.set(definedColumn(spec.column, cs));
        break;
      case 'rename_column': {
        const old = b.columns.get(spec.old);
        if (old) {
          b.columns.delete(spec.old);
          b.columns.set({ ...old, field: spec.to });
        }
        break;
      }
      case 'drop_column':
        b.columns.delete(spec.column);
        break;
      case 'add_index':
        b.add(at, spec.index, false);
        break;
      case 'drop_index':
        b.drop(spec.name);
        break;
      case 'drop_primary_key':
        b.drop('PRIMARY');
        break;
      case 'rename_index': {
        const ix = b.live.find((x) => x.name.toLowerCase() === spec.from.toLowerCase());
        if (ix) ix.name = spec.to;
        break;
      }
      default:
        break;
    }
  });
  return b.result();
}

/** Fixed storage bytes of non-string key columns (MySQL's sizes; temporal types with fractional seconds at most). */
const FIXED_BYTES: Readonly<Record<string, number>> = {
  tinyint: 1, smallint: 2, mediumint: 3, int: 4, integer: 4, bigint: 8, float: 4, double: 8, real: 8,
  date: 3, time: 6, datetime: 8, timestamp: 7, year: 1, bit: 8,
};

/** Bytes a key part takes: the prefix or declared length times the charset width for strings. */
export function keyPartBytes(k: KeyColumn): number {
  if (!k.info) return 0;
  const base = baseType(k.info.type);
  const declared = /\((\d+)/.exec(k.info.type);
  const n = declared ? Number(declared[1]) : 0;
  if (/char|binary/.test(base)) return (k.length ?? n) * (base.includes('binary') ? 1 : charsetWidth(k.info.charset));
  if (/text|blob/.test(base)) return (k.length ?? 0) * (base.includes('blob') ? 1 : charsetWidth(k.info.charset));
  if (base === 'decimal') {
    const m = /\((\d+)(?:,(\d+))?/.exec(k.info.type);
    return Math.ceil(Number(m?.[1] ?? 10) / 2) + 1;
  }
  return FIXED_BYTES[base.replace(/ unsigned$/, '')] ?? 0;
}

/** The key facts of the statement being checked (its table's database, else the current one). */
export function statementKeys(
  stmt: { ddl?: DdlStatement },
  ctx: { facts: { keys(db: string | null, cs: string): Promise<KeyFacts | null> }; dbOf(ref: { db: string | null }): string | null; currentDb: string | null; inc: { default_charset: string } },
): Promise<KeyFacts | null> {
  const ddl = stmt.ddl;
  const ref = ddl && 'table' in ddl && ddl.table ? ddl.table : null;
  return ctx.facts.keys(ref ? ctx.dbOf(ref) : ctx.currentDb, ctx.inc.default_charset);
}

/**
 * The indexes whose *name* goInception checks (case, length): named, not the primary key, and not the inline
 * PRIMARY KEY / UNIQUE of ALTER's ADD COLUMN (which only gets the duplicate and count checks).
 */
export async function namedIndexes(stmt: Parameters<typeof statementKeys>[0] & { kind: string }, ctx: Parameters<typeof statementKeys>[1]): Promise<NewIndex[]> {
  const keys = await statementKeys(stmt, ctx);
  return (keys?.indexes ?? []).filter((ix) => ix.kind !== 'primary' && ix.name !== '' && !(ix.inline && stmt.kind === 'alter_table'));
}

/** Whether the target reads VISIBLE / INVISIBLE index options (MySQL 8.0; not MariaDB). */
export function supportsIndexVisibility(version: string): boolean {
  if (/mariadb/i.test(version)) return false;
  const m = /^(\d+)\./.exec(version);
  return m ? Number(m[1]) >= 8 : false;
}

/** Whether single key columns may exceed 767 bytes (innodb_large_prefix, always on since MySQL 5.7.7 / MariaDB 10.2). */
export function largePrefix(version: string): boolean {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!m) return true;
  const [maj, min, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (/mariadb/i.test(version)) return maj > 10 || (maj === 10 && min >= 2);
  return maj > 5 || (maj === 5 && (min > 7 || (min === 7 && patch >= 7)));
}

/** More than one TIMESTAMP (or DATETIME) column with DEFAULT CURRENT_TIMESTAMP, or more than one with ON UPDATE. */
export function autoTimestampOverflow(columns: readonly ColumnDef[], type: 'timestamp' | 'datetime'): boolean {
  const of = columns.filter((c) => bareTypeName(c.type.name) === type);
  const defaults = of.filter((c) => c.default?.kind === 'current_timestamp').length;
  const updates = of.filter((c) => c.onUpdate?.kind === 'current_timestamp').length;
  return defaults > 1 || updates > 1;
}

/** The columns_must_have_index findings on the table as the statement leaves it (null: nothing to check). */
export async function columnsMustHaveIndex(
  stmt: { ddl?: DdlStatement },
  ctx: Parameters<typeof statementKeys>[1] & { inc: { columns_must_have_index: string }; facts: { target(): Promise<TableInfo | null> } },
): Promise<{ unindexed: string[]; mistyped: { name: string; want: string; have: string }[] } | null> {
  const ddl = stmt.ddl;
  const keys = await statementKeys(stmt, ctx);
  if (!ddl || !keys) return null;
  const types = new Map<string, string>();
  if (ddl.type === 'create_table') for (const c of ddl.columns) types.set(c.name.toLowerCase(), baseType(storedTypeOf(c)));
  else if (ddl.type === 'alter_table') {
    const table = await ctx.facts.target();
    for (const c of table?.columns ?? []) types.set(c.field.toLowerCase(), baseType(c.type));
    for (const spec of ddl.specs) {
      if (spec.op === 'add_column' || spec.op === 'modify_column' || spec.op === 'change_column') {
        if (spec.op === 'change_column') types.delete(spec.old.toLowerCase());
        for (const c of spec.op === 'add_column' ? spec.columns : [spec.column]) types.set(c.name.toLowerCase(), baseType(storedTypeOf(c)));
      } else if (spec.op === 'drop_column') types.delete(spec.column.toLowerCase());
    }
  } else return null;
  const firsts = new Set(keys.after.map((ix) => (ix.columns[0] ?? '').toLowerCase()));
  const unindexed: string[] = [];
  const mistyped: { name: string; want: string; have: string }[] = [];
  for (const item of ctx.inc.columns_must_have_index.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const [name = '', type] = item.split(/\s+/);
    const have = types.get(name.toLowerCase());
    if (have === undefined) continue;
    const want = type === undefined ? null : type.split('(')[0]!.toLowerCase();
    if (want !== null && want !== have) mistyped.push({ name, want, have });
    if (!firsts.has(name.toLowerCase())) unindexed.push(name);
  }
  return { unindexed, mistyped };
}
