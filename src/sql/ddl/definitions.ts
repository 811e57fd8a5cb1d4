// The pieces CREATE TABLE and ALTER TABLE share: column definitions and types, defaults, index and constraint
// definitions, table options and partitioning (docs/parsing.md, "The DDL model").

import type {
  ColumnDef,
  ColumnType,
  DefaultValue,
  ForeignKeyReference,
  IndexDef,
  IndexKind,
  IndexPart,
  PartitionDefinition,
  PartitionSpec,
  TableOption,
} from './model.js';
import type { Reader } from './reader.js';

/** Type names; multi-word spellings are read in `columnType`. */
const TYPES = new Set(
  (
    'BIT TINYINT SMALLINT MEDIUMINT MIDDLEINT INT INTEGER BIGINT INT1 INT2 INT3 INT4 INT8 REAL DOUBLE FLOAT FLOAT4 ' +
    'FLOAT8 DECIMAL DEC NUMERIC FIXED BOOL BOOLEAN SERIAL DATE TIME DATETIME TIMESTAMP YEAR CHAR CHARACTER VARCHAR ' +
    'VARCHARACTER NCHAR NVARCHAR NATIONAL BINARY VARBINARY TINYBLOB BLOB MEDIUMBLOB LONGBLOB TINYTEXT TEXT ' +
    'MEDIUMTEXT LONGTEXT LONG ENUM SET JSON GEOMETRY POINT LINESTRING POLYGON MULTIPOINT MULTILINESTRING ' +
    'MULTIPOLYGON GEOMETRYCOLLECTION GEOMCOLLECTION UUID INET4 INET6'
  ).split(' '),
);

const CHAR_TYPES = new Set(['CHAR', 'VARCHAR', 'TEXT', 'TINYTEXT', 'MEDIUMTEXT', 'LONGTEXT', 'ENUM', 'SET', 'LONG']);

/** `CHARACTER SET x`, `CHARSET x`, `CHAR SET x`: the charset name, or null when none is next. */
export function charsetClause(r: Reader): string | null {
  if (r.acceptWords('CHARACTER', 'SET') || r.acceptWords('CHAR', 'SET') || r.acceptWord('CHARSET')) {
    r.optionalEquals();
    return r.nameOrString();
  }
  return null;
}

export function columnType(r: Reader): ColumnType {
  const t = r.peek;
  if (t?.type !== 'word' || !TYPES.has(t.value)) return r.fail();
  r.i++;
  let name = t.value;
  // multi-word spellings
  if (name === 'NATIONAL') {
    name = r.expectWord('CHAR', 'CHARACTER', 'VARCHAR');
    name = name === 'VARCHAR' || r.acceptWord('VARYING') ? 'NVARCHAR' : 'NCHAR';
  } else if (name === 'DOUBLE') {
    r.acceptWord('PRECISION');
  } else if ((name === 'CHAR' || name === 'CHARACTER') && r.acceptWord('VARYING')) {
    name = 'VARCHAR';
  } else if (name === 'LONG') {
    const next = r.acceptWord('VARCHAR', 'VARBINARY', 'CHAR');
    if (next === 'VARBINARY') name = 'MEDIUMBLOB';
    else {
      if (next === 'CHAR') r.expectWord('VARYING');
      name = 'MEDIUMTEXT';
    }
  } else if (name === 'CHARACTER') {
    name = 'CHAR';
  }
  const type: ColumnType = {
    name,
    length: null,
    scale: null,
    values: null,
    unsigned: false,
    zerofill: false,
    binary: false,
    charset: null,
    collation: null,
  };
  if (name === 'ENUM' || name === 'SET') {
    r.expectPunct('(');
    type.values = [r.string()];
    while (r.acceptPunct(',')) type.values.push(r.string());
    r.expectPunct(')');
  } else if (r.acceptPunct('(')) {
    type.length = r.integer();
    if (r.acceptPunct(',')) type.scale = r.integer();
    r.expectPunct(')');
  }
  for (;;) {
    if (r.acceptWord('UNSIGNED')) type.unsigned = true;
    else if (r.acceptWord('SIGNED')) continue;
    else if (r.acceptWord('ZEROFILL')) type.zerofill = true;
    else if (CHAR_TYPES.has(name) && r.acceptWord('BINARY')) type.binary = true;
    else if (CHAR_TYPES.has(name) && r.acceptWord('ASCII', 'UNICODE', 'BYTE')) continue;
    else if (CHAR_TYPES.has(name) && (r.isWord('CHARACTER', 'CHARSET') || (r.isWord('CHAR') && r.isWordAt(1, 'SET')))) {
      type.charset = charsetClause(r) ?? r.fail();
    } else if (r.isWord('COLLATE')) {
      r.i++;
      r.optionalEquals();
      type.collation = r.nameOrString();
    } else break;
  }
  return type;
}

const NOW_WORDS = new Set(['CURRENT_TIMESTAMP', 'NOW', 'LOCALTIME', 'LOCALTIMESTAMP']);

/** A DEFAULT / ON UPDATE value. */
export function defaultValue(r: Reader): DefaultValue {
  const from = r.i;
  const t = r.peek;
  if (!t) return r.fail();
  const done = (kind: DefaultValue['kind'], value: string | null): DefaultValue => ({ kind, text: r.textFrom(from), value });
  if (t.type === 'string' || (t.type === 'word' && t.value.startsWith('_') && r.at(1)?.type === 'string')) {
    const value = r.string();
    return done('string', value);
  }
  if (t.type === 'number') {
    r.i++;
    return done('number', t.text);
  }
  if (t.type === 'punct' && (t.text === '-' || t.text === '+')) {
    r.i++;
    const n = r.peek;
    if (n?.type !== 'number') return r.fail();
    r.i++;
    return done('number', (t.text === '-' ? '-' : '') + n.text);
  }
  if (t.type === 'punct' && t.text === '(') {
    r.parenthesised();
    return done('expression', null);
  }
  if (t.type !== 'word') return r.fail();
  const next = r.at(1);
  // b'01' / x'1F' / n'text': a letter glued to a string
  if ((t.value === 'B' || t.value === 'X' || t.value === 'N') && next?.type === 'string' && next.start === t.end) {
    r.i += 2;
    return done(t.value === 'B' ? 'bit' : t.value === 'X' ? 'hex' : 'string', next.value);
  }
  if (/^0X[0-9A-F]+$/.test(t.value)) {
    r.i++;
    return done('hex', t.text.slice(2));
  }
  if (/^0B[01]+$/.test(t.value)) {
    r.i++;
    return done('bit', t.text.slice(2));
  }
  if (t.value === 'NULL') {
    r.i++;
    return done('null', null);
  }
  if (t.value === 'TRUE' || t.value === 'FALSE') {
    r.i++;
    return done('bool', t.value === 'TRUE' ? '1' : '0');
  }
  r.i++;
  const call = r.isPunct('(') ? r.parenthesised() : null;
  if (NOW_WORDS.has(t.value)) {
    if (call !== null && !/^\d*$/.test(call)) return r.fail();
    return done('current_timestamp', call ? `CURRENT_TIMESTAMP(${call})` : 'CURRENT_TIMESTAMP');
  }
  if (call === null) {
    r.i--;
    return r.fail();
  }
  return done('function', null);
}

function referenceAction(r: Reader): string {
  if (r.acceptWord('RESTRICT', 'CASCADE')) return r.toks[r.i - 1]!.value;
  if (r.acceptWords('SET', 'NULL')) return 'SET NULL';
  if (r.acceptWords('SET', 'DEFAULT')) return 'SET DEFAULT';
  if (r.acceptWords('NO', 'ACTION')) return 'NO ACTION';
  return r.fail();
}

/** `REFERENCES t (cols) [MATCH …] [ON DELETE …] [ON UPDATE …]`; the cursor is on REFERENCES. */
export function references(r: Reader): ForeignKeyReference {
  r.expectWord('REFERENCES');
  const table = r.qualifiedName();
  const columns = r.isPunct('(') ? indexParts(r).map((p) => p.column ?? r.fail()) : [];
  const ref: ForeignKeyReference = { table, columns, onDelete: null, onUpdate: null, match: null };
  for (;;) {
    if (r.acceptWord('MATCH')) ref.match = r.expectWord('FULL', 'PARTIAL', 'SIMPLE');
    else if (r.acceptWords('ON', 'DELETE')) ref.onDelete = referenceAction(r);
    else if (r.acceptWords('ON', 'UPDATE')) ref.onUpdate = referenceAction(r);
    else return ref;
  }
}

/** A column definition (the cursor is on its name); `qualified` allows `t.c` / `db.t.c` (CREATE TABLE, MODIFY, CHANGE). */
export function columnDefinition(r: Reader, qualified: boolean): ColumnDef {
  const from = r.i;
  let name = r.ident();
  let qualifier: ColumnDef['qualifier'] = null;
  if (qualified && r.isPunct('.')) {
    r.i++;
    const second = r.nameAfterDot();
    qualifier = { db: null, name };
    name = second;
    if (r.isPunct('.')) {
      r.i++;
      qualifier = { db: qualifier.name, name };
      name = r.nameAfterDot();
    }
  }
  const col: ColumnDef = {
    name,
    qualifier,
    type: columnType(r),
    nullable: null,
    default: null,
    onUpdate: null,
    autoIncrement: false,
    comment: null,
    generated: null,
    primaryKey: false,
    unique: false,
    invisible: false,
    references: null,
    check: null,
    text: '',
  };
  if (col.type.name === 'SERIAL') {
    // SERIAL = BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE
    Object.assign(col, { nullable: false, autoIncrement: true, unique: true });
    col.type.unsigned = true;
  }
  for (;;) {
    if (r.acceptWord('NOT')) {
      r.expectWord('NULL');
      col.nullable = false;
    }
    else if (r.acceptWord('NULL')) col.nullable = true;
    else if (r.acceptWord('DEFAULT')) col.default = defaultValue(r);
    else if (r.acceptWords('ON', 'UPDATE')) col.onUpdate = defaultValue(r);
    else if (r.acceptWord('AUTO_INCREMENT')) col.autoIncrement = true;
    else if (r.acceptWords('SERIAL', 'DEFAULT', 'VALUE')) Object.assign(col, { nullable: false, autoIncrement: true, unique: true });
    else if (r.acceptWord('UNIQUE')) {
      r.acceptWord('KEY');
      col.unique = true;
    } else if (r.acceptWords('PRIMARY', 'KEY') || r.acceptWord('KEY')) col.primaryKey = true;
    else if (r.acceptWord('COMMENT')) col.comment = r.string();
    else if (r.isWord('COLLATE')) {
      r.i++;
      col.type.collation = r.nameOrString();
    } else if (r.isWord('CHARACTER', 'CHARSET')) col.type.charset = charsetClause(r) ?? r.fail();
    else if (r.isWord('GENERATED', 'AS')) {
      if (r.acceptWord('GENERATED')) r.expectWord('ALWAYS');
      r.expectWord('AS');
      const expr = r.parenthesised();
      const storage = r.acceptWord('VIRTUAL', 'STORED', 'PERSISTENT');
      col.generated = { expr, stored: storage === 'STORED' || storage === 'PERSISTENT' };
    } else if (r.acceptWord('VISIBLE')) col.invisible = false;
    else if (r.acceptWord('INVISIBLE')) col.invisible = true;
    else if (r.acceptWord('COLUMN_FORMAT')) r.expectWord('FIXED', 'DYNAMIC', 'DEFAULT', 'COMPRESSED');
    else if (r.acceptWord('STORAGE')) r.expectWord('DISK', 'MEMORY', 'DEFAULT');
    else if (r.acceptWord('SRID')) r.integer();
    else if (r.acceptWord('COMPRESSED')) {
      if (r.acceptPunct('=')) r.ident();
    } else if (r.acceptWord('ENGINE_ATTRIBUTE', 'SECONDARY_ENGINE_ATTRIBUTE')) {
      r.optionalEquals();
      r.string();
    } else if (r.acceptWords('WITH', 'SYSTEM', 'VERSIONING') || r.acceptWords('WITHOUT', 'SYSTEM', 'VERSIONING')) continue;
    else if (r.isWord('CHECK') || (r.isWord('CONSTRAINT') && (r.isWordAt(1, 'CHECK') || r.isWordAt(2, 'CHECK')))) {
      if (r.acceptWord('CONSTRAINT') && !r.isWord('CHECK')) r.ident();
      r.expectWord('CHECK');
      col.check = r.parenthesised();
      if (r.acceptWord('NOT')) r.expectWord('ENFORCED');
      else r.acceptWord('ENFORCED');
    } else if (r.isWord('REFERENCES')) col.references = references(r);
    else break;
  }
  col.text = r.textFrom(from);
  return col;
}

/** `(part, …)`: columns with an optional prefix length, or `(expr)` functional parts, each ASC/DESC. */
export function indexParts(r: Reader): IndexPart[] {
  r.expectPunct('(');
  const parts: IndexPart[] = [];
  do {
    let part: IndexPart;
    if (r.isPunct('(')) {
      part = { column: null, length: null, expression: r.parenthesised(), order: null };
      if (part.expression === '') r.fail();
    } else {
      const column = r.ident();
      let length: number | null = null;
      if (r.acceptPunct('(')) {
        length = r.integer();
        r.expectPunct(')');
      }
      part = { column, length, expression: null, order: null };
    }
    part.order = r.acceptWord('ASC', 'DESC') as IndexPart['order'];
    parts.push(part);
  } while (r.acceptPunct(','));
  r.expectPunct(')');
  return parts;
}

function newIndex(kind: IndexKind, constraint: string | null): IndexDef {
  return { kind, name: null, constraint, parts: [], using: null, comment: null, visible: null, parser: null, references: null, check: null, text: '' };
}

/** Index options after the parts (and USING before them). Returns false when none was read. */
function indexOption(r: Reader, ix: IndexDef): boolean {
  if (r.acceptWord('USING', 'TYPE')) ix.using = r.expectWord('BTREE', 'HASH', 'RTREE');
  else if (r.acceptWord('KEY_BLOCK_SIZE')) {
    r.optionalEquals();
    r.integer();
  } else if (r.acceptWord('COMMENT')) ix.comment = r.string();
  else if (r.acceptWord('VISIBLE')) ix.visible = true;
  else if (r.acceptWord('INVISIBLE', 'IGNORED')) ix.visible = false;
  else if (r.acceptWords('NOT', 'IGNORED')) ix.visible = true;
  else if (r.acceptWords('WITH', 'PARSER')) ix.parser = r.ident();
  else if (r.acceptWord('ENGINE_ATTRIBUTE', 'SECONDARY_ENGINE_ATTRIBUTE')) {
    r.optionalEquals();
    r.string();
  } else if (r.acceptWord('CLUSTERING')) {
    r.optionalEquals();
    r.expectWord('YES', 'NO');
  } else return false;
  return true;
}

/** An optional index name (not USING/TYPE and not the opening parenthesis). */
function optionalIndexName(r: Reader): string | null {
  if (r.isPunct('(') || r.isWord('USING') || (r.isWord('TYPE') && r.isWordAt(1, 'BTREE', 'HASH', 'RTREE'))) return null;
  return r.ident();
}

/**
 * Whether the cursor stands on an index or constraint definition (not a column): PRIMARY, UNIQUE, INDEX, KEY,
 * FULLTEXT, SPATIAL, FOREIGN, CHECK, CONSTRAINT, PERIOD FOR.
 */
export function isIndexStart(r: Reader): boolean {
  if (r.isWord('PRIMARY', 'UNIQUE', 'INDEX', 'KEY', 'FULLTEXT', 'SPATIAL', 'FOREIGN', 'CHECK', 'CONSTRAINT')) return true;
  return r.isWord('PERIOD') && r.isWordAt(1, 'FOR');
}

/** An index or constraint definition; `null` for MariaDB's `PERIOD FOR …` (no index). */
export function indexDefinition(r: Reader): IndexDef | null {
  const from = r.i;
  if (r.acceptWords('PERIOD', 'FOR')) {
    r.ident();
    r.identList();
    return null;
  }
  let constraint: string | null = null;
  let named = false;
  if (r.acceptWord('CONSTRAINT')) {
    named = true;
    if (!r.isWord('PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK')) constraint = r.ident();
  }
  let ix: IndexDef;
  if (r.acceptWord('PRIMARY')) {
    r.expectWord('KEY');
    ix = newIndex('primary', constraint);
    // MySQL allows a name after PRIMARY KEY (ignored by the server); keep it unread into `name`.
    if (r.isIdent() && !r.isWord('USING', 'TYPE')) r.ident();
    while (indexOption(r, ix));
    ix.parts = indexParts(r);
  } else if (r.acceptWord('UNIQUE')) {
    r.acceptWord('INDEX', 'KEY');
    ix = newIndex('unique', constraint);
    if (!named) r.acceptWords('IF', 'NOT', 'EXISTS');
    ix.name = optionalIndexName(r);
    while (indexOption(r, ix));
    ix.parts = indexParts(r);
  } else if (r.acceptWord('FOREIGN')) {
    r.expectWord('KEY');
    ix = newIndex('foreign', constraint);
    r.acceptWords('IF', 'NOT', 'EXISTS');
    if (!r.isPunct('(')) ix.name = r.ident();
    ix.parts = indexParts(r);
    ix.references = references(r);
    ix.text = r.textFrom(from);
    return ix;
  } else if (r.acceptWord('CHECK')) {
    ix = newIndex('check', constraint);
    ix.check = r.parenthesised();
    if (r.acceptWord('NOT')) r.expectWord('ENFORCED');
    else r.acceptWord('ENFORCED');
    ix.text = r.textFrom(from);
    return ix;
  } else if (!named && r.isWord('INDEX', 'KEY', 'FULLTEXT', 'SPATIAL')) {
    const word = r.expectWord('INDEX', 'KEY', 'FULLTEXT', 'SPATIAL');
    ix = newIndex(word === 'FULLTEXT' ? 'fulltext' : word === 'SPATIAL' ? 'spatial' : 'index', null);
    if (word === 'FULLTEXT' || word === 'SPATIAL') r.acceptWord('INDEX', 'KEY');
    r.acceptWords('IF', 'NOT', 'EXISTS');
    ix.name = optionalIndexName(r);
    while (indexOption(r, ix));
    ix.parts = indexParts(r);
  } else {
    return r.fail();
  }
  while (indexOption(r, ix));
  ix.text = r.textFrom(from);
  return ix;
}

/** Canonical names of table options that take a value. */
const VALUE_OPTIONS = new Map<string, string>(
  [
    'ENGINE', 'AUTO_INCREMENT', 'AVG_ROW_LENGTH', 'CHECKSUM', 'TABLE_CHECKSUM', 'COMMENT', 'COMPRESSION', 'CONNECTION',
    'DELAY_KEY_WRITE', 'ENCRYPTION', 'INSERT_METHOD', 'KEY_BLOCK_SIZE', 'MAX_ROWS', 'MIN_ROWS', 'PACK_KEYS',
    'PASSWORD', 'ROW_FORMAT', 'STATS_AUTO_RECALC', 'STATS_PERSISTENT', 'STATS_SAMPLE_PAGES', 'PAGE_CHECKSUM',
    'TRANSACTIONAL', 'ENCRYPTED', 'ENCRYPTION_KEY_ID', 'PAGE_COMPRESSED', 'PAGE_COMPRESSION_LEVEL', 'IETF_QUOTES',
    'SEQUENCE', 'AUTOEXTEND_SIZE', 'SECONDARY_ENGINE', 'ENGINE_ATTRIBUTE', 'SECONDARY_ENGINE_ATTRIBUTE', 'TYPE',
    'TABLESPACE',
  ].map((n) => [n, n === 'TYPE' ? 'ENGINE' : n === 'TABLE_CHECKSUM' ? 'CHECKSUM' : n]),
);

/** Whether a table option starts at the cursor. */
export function isTableOptionStart(r: Reader): boolean {
  const t = r.peek;
  if (t?.type !== 'word') return false;
  if (VALUE_OPTIONS.has(t.value) || t.value === 'CHARSET' || t.value === 'COLLATE' || t.value === 'UNION') return true;
  if (t.value === 'CHARACTER' || t.value === 'CHAR') return r.isWordAt(1, 'SET');
  if (t.value === 'DEFAULT') return r.isWordAt(1, 'CHARSET', 'COLLATE', 'CHARACTER', 'CHAR', 'ENCRYPTION');
  if (t.value === 'DATA' || t.value === 'INDEX') return r.isWordAt(1, 'DIRECTORY');
  if (t.value === 'STORAGE') return r.isWordAt(1, 'ENGINE');
  if (t.value === 'WITH') return r.isWordAt(1, 'SYSTEM');
  return false;
}

/** One table option (the cursor is on it; see isTableOptionStart). */
export function tableOption(r: Reader): TableOption {
  const from = r.i;
  const isDefault = r.acceptWord('DEFAULT') !== null;
  let name: string;
  let value: string;
  if (r.isWord('CHARACTER', 'CHARSET', 'CHAR')) {
    name = 'CHARSET';
    value = charsetClause(r) ?? r.fail();
  } else if (r.acceptWord('COLLATE')) {
    name = 'COLLATE';
    r.optionalEquals();
    value = r.nameOrString();
  } else if (r.acceptWord('DATA', 'INDEX')) {
    name = `${r.toks[r.i - 1]!.value} DIRECTORY`;
    r.expectWord('DIRECTORY');
    r.optionalEquals();
    value = r.string();
  } else if (r.acceptWord('UNION')) {
    name = 'UNION';
    r.optionalEquals();
    value = r.parenthesised();
  } else if (r.acceptWords('WITH', 'SYSTEM', 'VERSIONING')) {
    name = 'WITH SYSTEM VERSIONING';
    value = '';
  } else {
    r.acceptWord('STORAGE');
    const word = r.peek!.value;
    name = VALUE_OPTIONS.get(word) ?? r.fail();
    r.i++;
    r.optionalEquals();
    const v = r.peek;
    if (v?.type === 'string') value = r.string();
    else if (v?.type === 'number' || v?.type === 'word' || v?.type === 'quoted_ident') {
      r.i++;
      value = v.type === 'quoted_ident' ? v.value : v.text;
    } else return r.fail();
    if (name === 'TABLESPACE' && r.acceptWord('STORAGE')) r.expectWord('DISK', 'MEMORY');
  }
  if (isDefault && name !== 'CHARSET' && name !== 'COLLATE' && name !== 'ENCRYPTION') r.fail();
  return { name, value, isDefault, text: r.textFrom(from) };
}

/**
 * Table options separated by optional commas; stops before anything else. In ALTER TABLE a comma may also end
 * the options (the next spec follows: `commaEnds`); in CREATE TABLE an option must follow it.
 */
export function tableOptions(r: Reader, commaEnds: boolean): TableOption[] {
  const out: TableOption[] = [];
  while (isTableOptionStart(r)) {
    out.push(tableOption(r));
    if (r.isPunct(',') && (!commaEnds || isTableOptionStartAt(r, 1))) {
      r.i++;
      if (!isTableOptionStart(r)) r.fail();
    }
  }
  return out;
}

function isTableOptionStartAt(r: Reader, k: number): boolean {
  r.i += k;
  const yes = isTableOptionStart(r);
  r.i -= k;
  return yes;
}

/** `PARTITION BY …` (the cursor is on PARTITION). */
export function partitionSpec(r: Reader): PartitionSpec {
  const from = r.i;
  r.expectWord('PARTITION');
  r.expectWord('BY');
  const linear = r.acceptWord('LINEAR') !== null;
  const word = r.expectWord('RANGE', 'LIST', 'HASH', 'KEY', 'SYSTEM_TIME');
  const spec: PartitionSpec = {
    type: word as PartitionSpec['type'],
    linear,
    expr: null,
    columns: null,
    count: null,
    subpartition: null,
    definitions: [],
    text: '',
  };
  if ((word === 'RANGE' || word === 'LIST') && linear) r.fail();
  if (word === 'KEY') {
    if (r.acceptWord('ALGORITHM')) {
      r.expectPunct('=');
      r.integer();
    }
    spec.columns = r.isPunct('(') && r.at(1)?.text === ')' ? (r.parenthesised(), []) : r.identList();
  } else if (word === 'SYSTEM_TIME') {
    if (r.acceptWord('INTERVAL')) {
      r.expressionUntil(['PARTITIONS', 'SUBPARTITION', 'STARTS', 'AUTO']);
      if (r.acceptWord('STARTS')) r.expressionUntil(['PARTITIONS', 'SUBPARTITION', 'AUTO']);
    } else if (r.acceptWord('LIMIT')) r.integer();
    r.acceptWord('AUTO');
  } else if ((word === 'RANGE' || word === 'LIST') && r.acceptWord('COLUMNS')) {
    spec.columns = r.identList();
  } else {
    spec.expr = r.parenthesised();
    if (spec.expr === '') r.fail();
  }
  if (r.acceptWord('PARTITIONS')) spec.count = r.integer();
  if (r.isWord('SUBPARTITION')) {
    const sub = r.i;
    r.i++;
    r.expectWord('BY');
    r.acceptWord('LINEAR');
    if (r.acceptWord('KEY')) {
      if (r.acceptWord('ALGORITHM')) {
        r.expectPunct('=');
        r.integer();
      }
      r.identList();
    } else {
      r.expectWord('HASH');
      r.parenthesised();
    }
    if (r.acceptWord('SUBPARTITIONS')) r.integer();
    spec.subpartition = r.textFrom(sub);
  }
  if (r.isPunct('(')) spec.definitions = partitionDefinitions(r);
  spec.text = r.textFrom(from);
  return spec;
}

/** `(PARTITION p … , …)`. */
export function partitionDefinitions(r: Reader): PartitionDefinition[] {
  r.expectPunct('(');
  const out: PartitionDefinition[] = [];
  do out.push(partitionDefinition(r));
  while (r.acceptPunct(','));
  r.expectPunct(')');
  return out;
}

function partitionDefinition(r: Reader): PartitionDefinition {
  const from = r.i;
  r.expectWord('PARTITION');
  const def: PartitionDefinition = { name: r.ident(), valuesKind: null, values: null, options: [], subpartitions: [], text: '' };
  if (r.acceptWord('VALUES')) {
    if (r.acceptWords('LESS', 'THAN')) {
      def.valuesKind = 'LESS THAN';
      def.values = r.acceptWord('MAXVALUE') ? 'MAXVALUE' : r.parenthesised();
      if (/^maxvalue$/i.test(def.values)) def.values = 'MAXVALUE';
    } else {
      r.expectWord('IN');
      def.valuesKind = 'IN';
      def.values = r.parenthesised();
    }
    if (def.values === '') r.fail();
  } else if (r.acceptWord('CURRENT', 'HISTORY')) {
    def.valuesKind = r.toks[r.i - 1]!.value as 'CURRENT' | 'HISTORY';
  }
  def.options = partitionOptions(r);
  if (r.isPunct('(')) {
    r.expectPunct('(');
    do {
      const sub = r.i;
      r.expectWord('SUBPARTITION');
      r.ident();
      partitionOptions(r);
      def.subpartitions.push(r.textFrom(sub));
    } while (r.acceptPunct(','));
    r.expectPunct(')');
  }
  def.text = r.textFrom(from);
  return def;
}

function partitionOptions(r: Reader): TableOption[] {
  const out: TableOption[] = [];
  for (;;) {
    const from = r.i;
    if (r.acceptWord('NODEGROUP')) {
      r.optionalEquals();
      r.integer();
      continue;
    }
    if (!r.isWord('ENGINE', 'STORAGE', 'COMMENT', 'DATA', 'INDEX', 'MAX_ROWS', 'MIN_ROWS', 'TABLESPACE')) return out;
    const opt = tableOption(r);
    out.push({ ...opt, text: r.textFrom(from) });
  }
}
