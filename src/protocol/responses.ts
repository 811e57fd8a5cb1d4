// Server response packets: OK, ERR, EOF, column definitions, text rows, and a whole QueryResult as the list
// of payloads that answer one command (the caller frames them and writes once).

import { lenencIntLength, PayloadReader, PayloadWriter } from './buffers.js';
import { Collation, ColumnFlag } from './constants.js';
import { ColumnType, type ColumnDef, type ColumnTypeCode, type QueryResult, type Value } from './result.js';
import { runAtOnce } from '../turns.js';

export interface OkFields {
  affectedRows?: number;
  insertId?: number;
  statusFlags: number;
  warnings?: number;
  info?: string;
}

/** OK packet; `header` 0xfe turns it into the end-of-result-set OK used with CLIENT_DEPRECATE_EOF. */
export function encodeOk(ok: OkFields, header: 0x00 | 0xfe = 0x00): Buffer {
  const w = new PayloadWriter(32)
    .u8(header)
    .lenencInt(ok.affectedRows ?? 0)
    .lenencInt(ok.insertId ?? 0)
    .u16(ok.statusFlags)
    .u16(ok.warnings ?? 0);
  // real servers send the info length-encoded (libmariadb rejects an EOF-terminated one)
  if (ok.info) w.lenencString(ok.info);
  return w.finish();
}

export function encodeErr(code: number, sqlState: string, message: string): Buffer {
  const state = (sqlState + 'HY000').slice(0, 5);
  return new PayloadWriter(16 + message.length).u8(0xff).u16(code).string('#').string(state).string(message).finish();
}

export function encodeEof(statusFlags: number, warnings = 0): Buffer {
  return new PayloadWriter(5).u8(0xfe).u16(warnings).u16(statusFlags).finish();
}

export interface DecodedErr {
  code: number;
  sqlState: string;
  message: string;
}

/** Decodes an ERR payload (for tests and tools). */
export function decodeErr(payload: Buffer): DecodedErr {
  const r = new PayloadReader(payload, 1);
  const code = r.u16();
  let sqlState = '';
  if (payload[3] === 0x23) {
    r.skip(1);
    sqlState = r.bytes(5).toString('latin1');
  }
  return { code, sqlState, message: r.rest().toString('utf8') };
}

export interface DecodedOk {
  affectedRows: number;
  insertId: number;
  statusFlags: number;
  warnings: number;
  info: string;
}

export function decodeOk(payload: Buffer): DecodedOk {
  const r = new PayloadReader(payload, 1);
  const affectedRows = r.lenencInt() ?? 0;
  const insertId = r.lenencInt() ?? 0;
  const statusFlags = r.u16();
  const warnings = r.u16();
  const info = r.remaining > 0 ? r.lenencString() ?? '' : '';
  return { affectedRows, insertId, statusFlags, warnings, info };
}

const NUMERIC_TYPES: ReadonlySet<number> = new Set([
  ColumnType.DECIMAL, ColumnType.TINY, ColumnType.SHORT, ColumnType.LONG, ColumnType.FLOAT, ColumnType.DOUBLE,
  ColumnType.LONGLONG, ColumnType.INT24, ColumnType.YEAR, ColumnType.NEWDECIMAL, ColumnType.BIT,
]);

const DEFAULT_LENGTH: Partial<Record<ColumnTypeCode, number>> = {
  [ColumnType.TINY]: 4,
  [ColumnType.SHORT]: 6,
  [ColumnType.INT24]: 9,
  [ColumnType.LONG]: 11,
  [ColumnType.LONGLONG]: 21,
  [ColumnType.FLOAT]: 12,
  [ColumnType.DOUBLE]: 22,
  [ColumnType.DECIMAL]: 67,
  [ColumnType.NEWDECIMAL]: 67,
  [ColumnType.YEAR]: 4,
  [ColumnType.DATE]: 10,
  [ColumnType.TIME]: 10,
  [ColumnType.DATETIME]: 19,
  [ColumnType.TIMESTAMP]: 19,
  [ColumnType.BIT]: 1,
  [ColumnType.NULL]: 0,
  [ColumnType.BLOB]: 0xffffff * 4,
  [ColumnType.JSON]: 0xffffffff,
};

/** Column definition 41 (text protocol); numbers and binary columns carry the binary collation. */
export function encodeColumnDefinition(col: ColumnDef): Buffer {
  const numeric = NUMERIC_TYPES.has(col.type);
  const binary = numeric || ((col.flags ?? 0) & ColumnFlag.BINARY) !== 0;
  const length = col.length ?? DEFAULT_LENGTH[col.type] ?? 1024;
  let flags = col.flags ?? 0;
  if (numeric) flags |= ColumnFlag.NUM | ColumnFlag.BINARY;
  // 0x1f = "not fixed", what servers send for floating-point expressions
  const decimals = col.decimals ?? (col.type === ColumnType.DOUBLE || col.type === ColumnType.FLOAT ? 0x1f : 0);
  return new PayloadWriter(64)
    .lenencString('def')
    .lenencString('')
    .lenencString(col.table ?? '')
    .lenencString(col.table ?? '')
    .lenencString(col.name)
    .lenencString(col.name)
    .lenencInt(0x0c)
    .u16(binary ? Collation.BINARY : Collation.UTF8MB4_GENERAL_CI)
    .u32(Math.min(length, 0xffffffff))
    .u8(col.type)
    .u16(flags & 0xffff)
    .u8(decimals)
    .zeros(2)
    .finish();
}

/** One text-protocol row: length-encoded strings, 0xfb for NULL. Sized exactly first (batches answer 10k rows). */
export function encodeTextRow(values: readonly Value[]): Buffer {
  const lengths = new Array<number>(values.length);
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      total += 1;
      continue;
    }
    const bytes = Buffer.byteLength(v, 'utf8');
    lengths[i] = bytes;
    total += lenencIntLength(bytes) + bytes;
  }
  const out = Buffer.allocUnsafe(total);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      out[at++] = 0xfb;
      continue;
    }
    const bytes = lengths[i]!;
    if (bytes < 251) out[at++] = bytes;
    else at = writeLenencPrefix(out, at, bytes);
    at += out.write(v, at, 'utf8');
  }
  return out;
}

/** The 0xfc/0xfd/0xfe prefixed forms of a length-encoded integer ≥ 251; returns the next offset. */
function writeLenencPrefix(out: Buffer, at: number, value: number): number {
  if (value < 0x10000) {
    out[at] = 0xfc;
    out.writeUInt16LE(value, at + 1);
    return at + 3;
  }
  if (value < 0x1000000) {
    out[at] = 0xfd;
    out.writeUIntLE(value, at + 1, 3);
    return at + 4;
  }
  out[at] = 0xfe;
  out.writeBigUInt64LE(BigInt(value), at + 1);
  return at + 9;
}

export interface EncodeOptions {
  statusFlags: number;
  /** The client set CLIENT_DEPRECATE_EOF: no EOF after the columns, an 0xfe OK at the end. */
  deprecateEof: boolean;
}

/** The payloads answering a COM_QUERY with `result`. */
export function encodeQueryResult(result: QueryResult, opts: EncodeOptions): Buffer[] {
  return runAtOnce(encodeQueryResultSteps(result, opts));
}

/** Rows encoded between two pause points of a step generator. */
const ROWS_PER_STEP = 1024;

/**
 * encodeQueryResult as a step generator: it yields every ROWS_PER_STEP rows so the caller can let other
 * connections run while a large result is encoded (docs/security.md "Event loop").
 */
export function* encodeQueryResultSteps(result: QueryResult, opts: EncodeOptions): Generator<void, Buffer[], void> {
  if (result.kind === 'ok') {
    return [encodeOk({ ...result, statusFlags: opts.statusFlags })];
  }
  const width = result.columns.length;
  const out: Buffer[] = [new PayloadWriter(9).lenencInt(width).finish()];
  for (const col of result.columns) out.push(encodeColumnDefinition(col));
  if (!opts.deprecateEof) out.push(encodeEof(opts.statusFlags));
  let i = 0;
  for (const row of result.rows) {
    if (++i % ROWS_PER_STEP === 0) yield;
    if (row.length !== width) throw new RangeError(`row has ${row.length} values for ${width} columns`);
    out.push(encodeTextRow(row));
  }
  const warnings = result.warnings?.length ?? 0;
  out.push(opts.deprecateEof ? encodeOk({ statusFlags: opts.statusFlags, warnings }, 0xfe) : encodeEof(opts.statusFlags, warnings));
  return out;
}

