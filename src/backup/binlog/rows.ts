// Row images → rendered literals (docs/binlog.md, "Values"). A TABLE_MAP event's column types are bound once to
// the table's layout as of the statement: each column gets a decoder that reads its bytes and renders the exact
// SQL literal. Binding checks that the binlog and the layout describe the same columns (count, type family, and
// names when the binlog carries them), so a column is never mislabelled silently. Pure.

import type { TableLayout } from '../types.js';
import { columnKindOf, type ColumnKind } from '../rollback/column-type.js';
import { bytesLiteral, dateText, dateTimeText, floatLiteral, hexLiteral, stringLiteral, timeText, type TimeZone } from '../rollback/literal.js';
import { rollbackTableOf, type RollbackTable, type RowLiterals } from '../rollback/statements.js';
import { ColumnTypeCode as T, type MappedColumn, type TableMapEvent } from './events.js';
import { mysqlJsonText } from './mysql-json.js';

export interface RenderOptions {
  timeZone: TimeZone;
  hexBlob: boolean;
}

/** Reads one value at `cursor.at` and advances it. */
type Decoder = (buf: Buffer, cursor: { at: number }) => string;

export interface BoundTable {
  layout: TableLayout;
  rollback: RollbackTable;
  decoders: Decoder[];
  /** The same table rendering TIMESTAMPs in UTC (reader.ts, for rows in a repeated DST hour); made when needed. */
  utc?: BoundTable;
}

export class LayoutMismatch extends Error {}

const TYPE_NAMES: Record<number, string> = Object.fromEntries(Object.entries(T).map(([k, v]) => [v, k.toLowerCase()]));

function typeName(code: number): string {
  return TYPE_NAMES[code] ?? `type ${code}`;
}

function intDecoder(bytes: number, unsigned: boolean): Decoder {
  switch (bytes) {
    case 1:
      return unsigned ? (b, c) => String(b.readUInt8(c.at++)) : (b, c) => String(b.readInt8(c.at++));
    case 2:
      return unsigned ? (b, c) => String(b.readUInt16LE((c.at += 2) - 2)) : (b, c) => String(b.readInt16LE((c.at += 2) - 2));
    case 3:
      return unsigned ? (b, c) => String(b.readUIntLE((c.at += 3) - 3, 3)) : (b, c) => String(b.readIntLE((c.at += 3) - 3, 3));
    case 4:
      return unsigned ? (b, c) => String(b.readUInt32LE((c.at += 4) - 4)) : (b, c) => String(b.readInt32LE((c.at += 4) - 4));
    default:
      return unsigned ? (b, c) => String(b.readBigUInt64LE((c.at += 8) - 8)) : (b, c) => String(b.readBigInt64LE((c.at += 8) - 8));
  }
}

const DIG2BYTES = [0, 1, 1, 2, 2, 3, 3, 4, 4, 4];

/** A big-endian unsigned group of `bytes` at `at`, each byte XOR `mask` (0 or 0xff), first byte's sign bit flipped. */
function decimalGroup(b: Buffer, at: number, bytes: number, mask: number, first: boolean): number {
  let v = 0;
  for (let i = 0; i < bytes; i++) {
    let byte = b[at + i] ^ mask;
    if (first && i === 0) byte ^= 0x80;
    v = v * 256 + byte;
  }
  return v;
}

/** MySQL's binary DECIMAL: groups of 9 digits in 4 big-endian bytes, sign in the top bit (inverted). */
export function decimalDecoder(precision: number, scale: number): Decoder {
  const intg = precision - scale;
  const intg0 = Math.floor(intg / 9);
  const intg0x = intg % 9;
  const frac0 = Math.floor(scale / 9);
  const frac0x = scale % 9;
  const size = intg0 * 4 + DIG2BYTES[intg0x] + frac0 * 4 + DIG2BYTES[frac0x];
  return (b, c) => {
    const start = c.at;
    c.at += size;
    const mask = b[start] & 0x80 ? 0 : 0xff;
    let o = start;
    let first = true;
    let whole = '';
    if (intg0x) {
      whole += String(decimalGroup(b, o, DIG2BYTES[intg0x], mask, first));
      o += DIG2BYTES[intg0x];
      first = false;
    }
    for (let i = 0; i < intg0; i++) {
      whole += String(decimalGroup(b, o, 4, mask, first)).padStart(9, '0');
      o += 4;
      first = false;
    }
    let n = 0;
    while (n < whole.length && whole.charCodeAt(n) === 48) n++;
    whole = n === whole.length ? '0' : whole.slice(n);
    let frac = '';
    for (let i = 0; i < frac0; i++) {
      frac += String(decimalGroup(b, o, 4, mask, first)).padStart(9, '0');
      o += 4;
      first = false;
    }
    if (frac0x) frac += String(decimalGroup(b, o, DIG2BYTES[frac0x], mask, first)).padStart(frac0x, '0');
    return (mask ? '-' : '') + whole + (scale > 0 ? '.' + frac : '');
  };
}

function jsonDecimal(b: Buffer, precision: number, scale: number, at: number): string {
  return decimalDecoder(precision, scale)(b, { at });
}

/** Fractional seconds stored after TIME2/DATETIME2/TIMESTAMP2: 0–3 big-endian bytes by precision. */
function fractionBytes(fsp: number): number {
  return Math.ceil(fsp / 2);
}

function readFraction(b: Buffer, at: number, fsp: number): number {
  switch (fractionBytes(fsp)) {
    case 1:
      return b[at] * 10000;
    case 2:
      return b.readUInt16BE(at) * 100;
    case 3:
      return b.readUIntBE(at, 3);
    default:
      return 0;
  }
}

function datetime2Decoder(fsp: number): Decoder {
  const fb = fractionBytes(fsp);
  return (b, c) => {
    const packed = b.readUIntBE(c.at, 5) - 0x8000000000;
    const micros = readFraction(b, c.at + 5, fsp);
    c.at += 5 + fb;
    const ymd = Math.floor(packed / 2 ** 17);
    const hms = packed % 2 ** 17;
    const ym = Math.floor(ymd / 32);
    return stringLiteral(
      dateTimeText(Math.floor(ym / 13), ym % 13, ymd % 32, Math.floor(hms / 4096), Math.floor(hms / 64) % 64, hms % 64, micros, fsp),
    );
  };
}

function time2Decoder(fsp: number): Decoder {
  const fb = fractionBytes(fsp);
  return (b, c) => {
    // Packed as (hms << 24) + microseconds, offset so that it sorts as unsigned.
    let intPart = b.readUIntBE(c.at, 3) - 0x800000;
    let frac = 0;
    if (fb === 1) {
      frac = b[c.at + 3];
      if (intPart < 0 && frac) {
        intPart++;
        frac -= 0x100;
      }
      frac *= 10000;
    } else if (fb === 2) {
      frac = b.readUInt16BE(c.at + 3);
      if (intPart < 0 && frac) {
        intPart++;
        frac -= 0x10000;
      }
      frac *= 100;
    }
    let packed = fb === 3 ? b.readUIntBE(c.at, 6) - 0x800000000000 : intPart * 2 ** 24 + frac;
    c.at += 3 + fb;
    const negative = packed < 0;
    if (negative) packed = -packed;
    const hms = Math.floor(packed / 2 ** 24);
    const micros = packed % 2 ** 24;
    return stringLiteral(timeText(negative, Math.floor(hms / 4096) % 1024, Math.floor(hms / 64) % 64, hms % 64, micros, fsp));
  };
}

function timestamp2Decoder(fsp: number, zone: TimeZone): Decoder {
  const fb = fractionBytes(fsp);
  return (b, c) => {
    const seconds = b.readUInt32BE(c.at);
    const micros = readFraction(b, c.at + 4, fsp);
    c.at += 4 + fb;
    if (seconds === 0 && micros === 0) return stringLiteral(dateTimeText(0, 0, 0, 0, 0, 0, 0, fsp));
    return stringLiteral(zone.localText(seconds, micros, fsp));
  };
}

/** Length-prefixed bytes: `prefix` little-endian length bytes, then the value. */
function readPrefixed(b: Buffer, c: { at: number }, prefix: number): Buffer {
  const length = b.readUIntLE(c.at, prefix);
  const start = c.at + prefix;
  c.at = start + length;
  return b.subarray(start, start + length);
}

function stringDecoder(prefix: number, kind: ColumnKind, options: RenderOptions, padTo: number): Decoder {
  const { charset } = kind;
  const { hexBlob } = options;
  if (padTo > 0) {
    // BINARY(n): the binlog drops trailing zero bytes, the column stores them; compare and restore with all n.
    return (b, c) => {
      const bytes = readPrefixed(b, c, prefix);
      if (bytes.length >= padTo) return bytesLiteral(bytes, null, hexBlob);
      const padded = Buffer.alloc(padTo);
      bytes.copy(padded);
      return bytesLiteral(padded, null, hexBlob);
    };
  }
  return (b, c) => bytesLiteral(readPrefixed(b, c, prefix), charset, hexBlob);
}

function membersDecoder(bytes: number, kind: ColumnKind, isSet: boolean): Decoder {
  const members = kind.members;
  const read = bytes === 8 ? (b: Buffer, at: number) => b.readBigUInt64LE(at) : (b: Buffer, at: number) => BigInt(b.readUIntLE(at, bytes));
  return (b, c) => {
    const value = read(b, c.at);
    c.at += bytes;
    if (!isSet) {
      const index = Number(value);
      if (index === 0) return "''";
      if (index > members.length) throw new LayoutMismatch(`ENUM index ${index} is outside the layout's ${members.length} members`);
      return stringLiteral(members[index - 1]);
    }
    const chosen: string[] = [];
    for (let i = 0; i < members.length; i++) if ((value >> BigInt(i)) & 1n) chosen.push(members[i]);
    if (value >> BigInt(members.length) !== 0n) throw new LayoutMismatch(`SET value ${value} has bits beyond the layout's ${members.length} members`);
    return stringLiteral(chosen.join(','));
  };
}

/** The binlog type codes a layout family may be logged as. */
function acceptedTypes(kind: ColumnKind): readonly number[] {
  switch (kind.family) {
    case 'int':
      return [{ 1: T.TINY, 2: T.SHORT, 3: T.INT24, 4: T.LONG, 8: T.LONGLONG }[kind.intBytes] as number];
    case 'float':
      return [T.FLOAT];
    case 'double':
      return [T.DOUBLE];
    case 'decimal':
      return [T.NEWDECIMAL];
    case 'year':
      return [T.YEAR];
    case 'date':
      return [T.DATE, T.NEWDATE];
    case 'time':
      return [T.TIME2, T.TIME];
    case 'datetime':
      return [T.DATETIME2, T.DATETIME];
    case 'timestamp':
      return [T.TIMESTAMP2, T.TIMESTAMP];
    case 'char':
      return [T.STRING];
    case 'varchar':
      return [T.VARCHAR, T.VAR_STRING];
    case 'blob':
      return [T.BLOB];
    case 'json':
      return [T.JSON, T.BLOB];
    case 'enum':
      return [T.ENUM];
    case 'set':
      return [T.SET];
    case 'bit':
      return [T.BIT];
    case 'geometry':
      return [T.GEOMETRY];
    default:
      return [];
  }
}

function decoderFor(mapped: MappedColumn, kind: ColumnKind, options: RenderOptions, where: string): Decoder {
  const mismatch = (what: string) => new LayoutMismatch(`${where}: ${what}`);
  switch (mapped.type) {
    case T.TINY:
      return intDecoder(1, kind.unsigned);
    case T.SHORT:
      return intDecoder(2, kind.unsigned);
    case T.INT24:
      return intDecoder(3, kind.unsigned);
    case T.LONG:
      return intDecoder(4, kind.unsigned);
    case T.LONGLONG:
      return intDecoder(8, kind.unsigned);
    case T.FLOAT:
      return (b, c) => floatLiteral(b.readFloatLE((c.at += 4) - 4));
    case T.DOUBLE:
      return (b, c) => floatLiteral(b.readDoubleLE((c.at += 8) - 8));
    case T.NEWDECIMAL:
      if (mapped.meta !== kind.precision || mapped.meta2 !== kind.scale) {
        throw mismatch(`binlog has decimal(${mapped.meta},${mapped.meta2}), layout ${kind.base}(${kind.precision},${kind.scale})`);
      }
      return decimalDecoder(mapped.meta, mapped.meta2);
    case T.YEAR:
      return (b, c) => {
        const v = b[c.at++];
        return v === 0 ? '0' : String(1900 + v);
      };
    case T.DATE:
    case T.NEWDATE:
      return (b, c) => {
        const v = b.readUIntLE((c.at += 3) - 3, 3);
        return stringLiteral(dateText(v >> 9, (v >> 5) & 15, v & 31));
      };
    case T.TIME2:
    case T.DATETIME2:
    case T.TIMESTAMP2:
      if (mapped.meta !== kind.fsp) throw mismatch(`binlog has ${mapped.meta} fractional digits, layout ${kind.fsp}`);
      return mapped.type === T.TIME2 ? time2Decoder(kind.fsp) : mapped.type === T.DATETIME2 ? datetime2Decoder(kind.fsp) : timestamp2Decoder(kind.fsp, options.timeZone);
    case T.TIME:
      if (kind.fsp) throw mismatch('an old-format TIME column with fractional seconds cannot be decoded');
      return (b, c) => {
        const v = b.readIntLE((c.at += 3) - 3, 3);
        const a = Math.abs(v);
        return stringLiteral(timeText(v < 0, Math.floor(a / 10000), Math.floor(a / 100) % 100, a % 100, 0, 0));
      };
    case T.DATETIME:
      if (kind.fsp) throw mismatch('an old-format DATETIME column with fractional seconds cannot be decoded');
      return (b, c) => {
        const v = Number(b.readBigUInt64LE((c.at += 8) - 8));
        const date = Math.floor(v / 1_000_000);
        const time = v % 1_000_000;
        return stringLiteral(
          dateTimeText(Math.floor(date / 10000), Math.floor(date / 100) % 100, date % 100, Math.floor(time / 10000), Math.floor(time / 100) % 100, time % 100, 0, 0),
        );
      };
    case T.TIMESTAMP:
      if (kind.fsp) throw mismatch('an old-format TIMESTAMP column with fractional seconds cannot be decoded');
      return (b, c) => {
        const seconds = b.readUInt32LE((c.at += 4) - 4);
        return stringLiteral(seconds === 0 ? dateTimeText(0, 0, 0, 0, 0, 0, 0, 0) : options.timeZone.localText(seconds, 0, 0));
      };
    case T.VARCHAR:
    case T.VAR_STRING:
      return stringDecoder(mapped.meta < 256 ? 1 : 2, kind, options, 0);
    case T.STRING:
      return stringDecoder(mapped.meta < 256 ? 1 : 2, kind, options, kind.binary && kind.base === 'binary' ? kind.length : 0);
    case T.BLOB:
      if (kind.family === 'geometry') return (b, c) => hexLiteral(readPrefixed(b, c, mapped.meta));
      return stringDecoder(mapped.meta, kind, options, 0);
    case T.GEOMETRY:
      return (b, c) => hexLiteral(readPrefixed(b, c, mapped.meta));
    case T.ENUM:
      if (mapped.meta !== 1 && mapped.meta !== 2) throw mismatch(`unexpected ENUM storage of ${mapped.meta} bytes`);
      return membersDecoder(mapped.meta, kind, false);
    case T.SET:
      return membersDecoder(mapped.meta, kind, true);
    case T.BIT: {
      const bytes = mapped.meta + (mapped.meta2 > 0 ? 1 : 0);
      if (mapped.meta * 8 + mapped.meta2 !== kind.length) throw mismatch(`binlog has bit(${mapped.meta * 8 + mapped.meta2}), layout bit(${kind.length})`);
      return (b, c) => {
        let v = 0n;
        for (let i = 0; i < bytes; i++) v = (v << 8n) | BigInt(b[c.at + i]);
        c.at += bytes;
        return String(v);
      };
    }
    case T.JSON:
      // MySQL's binary JSON (MariaDB logs JSON as text, handled as BLOB above). CAST, so that it also compares
      // as JSON in a WHERE clause (a JSON column never equals a string).
      return (b, c) => `CAST(${stringLiteral(mysqlJsonText(readPrefixed(b, c, mapped.meta), jsonDecimal))} AS JSON)`;
    default:
      throw mismatch(`binlog column type ${typeName(mapped.type)} is not supported`);
  }
}

/**
 * Binds a TABLE_MAP to the layout the statement ran against. Throws LayoutMismatch (with a reason for the result
 * row) when they disagree.
 */
export function bindTable(map: TableMapEvent, layout: TableLayout, options: RenderOptions): BoundTable {
  const name = `${layout.db}.${layout.name}`;
  if (map.columns.length !== layout.columns.length) {
    throw new LayoutMismatch(`${name}: the binlog row has ${map.columns.length} columns, the table layout as of this statement ${layout.columns.length}`);
  }
  const decoders = map.columns.map((mapped, i) => {
    const column = layout.columns[i];
    const where = `${name} column ${i + 1} \`${column.name}\``;
    if (map.names && map.names[i].toLowerCase() !== column.name.toLowerCase()) {
      throw new LayoutMismatch(`${where}: the binlog names it \`${map.names[i]}\``);
    }
    const kind = columnKindOf(column);
    if (!acceptedTypes(kind).includes(mapped.type)) {
      throw new LayoutMismatch(`${where}: binlog type ${typeName(mapped.type)} does not match layout type ${column.columnType}`);
    }
    return decoderFor(mapped, kind, options, where);
  });
  return { layout, rollback: rollbackTableOf(layout), decoders };
}

/** Decodes one row image at `cursor.at` (all columns present) into literals; null for SQL NULL. */
export function readRow(bound: BoundTable, buf: Buffer, cursor: { at: number }): RowLiterals {
  const decoders = bound.decoders;
  const n = decoders.length;
  const nullsAt = cursor.at;
  cursor.at += (n + 7) >> 3;
  const row: (string | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    row[i] = buf[nullsAt + (i >> 3)] & (1 << (i & 7)) ? null : decoders[i](buf, cursor);
  }
  return row;
}
