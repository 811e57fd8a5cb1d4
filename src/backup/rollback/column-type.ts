// What a column's `SHOW FULL FIELDS` type says about how its values are stored and must be written back
// (docs/binlog.md, "Values"). Pure.

import type { ColumnLayout } from '../types.js';

export type ColumnFamily =
  | 'int'
  | 'float'
  | 'double'
  | 'decimal'
  | 'year'
  | 'date'
  | 'time'
  | 'datetime'
  | 'timestamp'
  | 'char'
  | 'varchar'
  | 'blob'
  | 'json'
  | 'enum'
  | 'set'
  | 'bit'
  | 'geometry'
  | 'unknown';

export interface ColumnKind {
  family: ColumnFamily;
  /** The type name as written (`int`, `varbinary`, `mediumtext`, `point` …). */
  base: string;
  unsigned: boolean;
  /** Integer storage bytes (1, 2, 3, 4, 8). */
  intBytes: number;
  /** Fractional-second digits of TIME/DATETIME/TIMESTAMP. */
  fsp: number;
  precision: number;
  scale: number;
  /** Declared length: CHAR/BINARY(n), BIT(n). */
  length: number;
  /** Binary string (BINARY, VARBINARY, BLOB, or a binary collation): bytes, not characters. */
  binary: boolean;
  /** Character set of a text column (from its collation), else null. */
  charset: string | null;
  /** ENUM / SET members in definition order. */
  members: string[];
}

const INT_BYTES: Record<string, number> = { tinyint: 1, smallint: 2, mediumint: 3, int: 4, integer: 4, bigint: 8 };
const GEOMETRY = new Set(['geometry', 'point', 'linestring', 'polygon', 'multipoint', 'multilinestring', 'multipolygon', 'geometrycollection', 'geomcollection']);
const BLOBS = new Set(['tinyblob', 'blob', 'mediumblob', 'longblob', 'tinytext', 'text', 'mediumtext', 'longtext']);

/** `enum('a','b''c')` → ['a', "b'c"]. SHOW FIELDS doubles quotes and backslash-escapes \\, NUL, CR, LF. */
export function parseMembers(args: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < args.length) {
    if (args[i] !== "'") {
      i++;
      continue;
    }
    let value = '';
    i++;
    for (;;) {
      if (i >= args.length) break;
      const ch = args[i];
      if (ch === "'") {
        if (args[i + 1] === "'") {
          value += "'";
          i += 2;
          continue;
        }
        i++;
        break;
      }
      if (ch === '\\' && i + 1 < args.length) {
        const next = args[i + 1];
        value += next === '0' ? '\0' : next === 'n' ? '\n' : next === 'r' ? '\r' : next === 'Z' ? '\x1a' : next;
        i += 2;
        continue;
      }
      value += ch;
      i++;
    }
    out.push(value);
  }
  return out;
}

export function columnKindOf(column: ColumnLayout): ColumnKind {
  const type = column.columnType.trim();
  const lower = type.toLowerCase();
  const base = /^[a-z]+/.exec(lower)?.[0] ?? lower;
  const open = type.indexOf('(');
  const close = type.lastIndexOf(')');
  const args = open >= 0 && close > open ? type.slice(open + 1, close) : '';
  const numbers = /^[\d\s,]*$/.test(args) && args ? args.split(',').map((s) => Number(s.trim())) : [];
  const collation = column.collation;
  const kind: ColumnKind = {
    family: 'unknown',
    base,
    unsigned: /\bunsigned\b/.test(lower),
    intBytes: 0,
    fsp: 0,
    precision: 0,
    scale: 0,
    length: 0,
    binary: false,
    charset: collation && collation !== 'binary' ? collation.split('_')[0].toLowerCase() : null,
    members: [],
  };
  const textBinary = collation === null || collation === 'binary';
  if (base in INT_BYTES) {
    kind.family = 'int';
    kind.intBytes = INT_BYTES[base];
  } else if (base === 'float') {
    // FLOAT(p) with p > 24 is a DOUBLE; SHOW FIELDS then says `double` already.
    kind.family = 'float';
  } else if (base === 'double' || base === 'real') {
    kind.family = 'double';
  } else if (base === 'decimal' || base === 'numeric' || base === 'dec' || base === 'fixed') {
    kind.family = 'decimal';
    kind.precision = numbers[0] ?? 10;
    kind.scale = numbers[1] ?? 0;
  } else if (base === 'year') {
    kind.family = 'year';
  } else if (base === 'date') {
    kind.family = 'date';
  } else if (base === 'time' || base === 'datetime' || base === 'timestamp') {
    kind.family = base;
    kind.fsp = numbers[0] ?? 0;
  } else if (base === 'char' || base === 'binary') {
    kind.family = 'char';
    kind.length = numbers[0] ?? 1;
    kind.binary = base === 'binary' || textBinary;
  } else if (base === 'varchar' || base === 'varbinary') {
    kind.family = 'varchar';
    kind.length = numbers[0] ?? 0;
    kind.binary = base === 'varbinary' || textBinary;
  } else if (BLOBS.has(base)) {
    kind.family = 'blob';
    kind.binary = base.endsWith('blob') || textBinary;
  } else if (base === 'json') {
    kind.family = 'json';
    kind.charset = 'utf8mb4';
  } else if (base === 'enum' || base === 'set') {
    kind.family = base;
    kind.members = parseMembers(args);
  } else if (base === 'bit') {
    kind.family = 'bit';
    kind.length = numbers[0] ?? 1;
  } else if (GEOMETRY.has(base)) {
    kind.family = 'geometry';
    kind.binary = true;
  }
  if (kind.binary) kind.charset = null;
  return kind;
}
