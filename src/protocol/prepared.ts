// Server-side prepared statements, just enough for drivers that always prepare (MariaDB Connector/ODBC uses
// COM_STMT_PREPARE even for SQLExecDirect): PREPARE_OK, COM_STMT_EXECUTE parameter decoding, binary rows.
// The codec only: finding `?` placeholders and writing parameters into the text as literals is SQL work
// (src/sql/placeholders.ts); the bound text then runs like a COM_QUERY.

import { MalformedPacketError, PayloadReader, PayloadWriter } from './buffers.js';
import { ColumnFlag } from './constants.js';
import { encodeColumnDefinition, encodeEof, encodeOk, type EncodeOptions } from './responses.js';
import { ColumnType, type ColumnDef, type QueryResult, type Value } from './result.js';

/** COM_STMT_PREPARE OK: statement id, column and parameter counts. */
export function encodePrepareOk(statementId: number, columns: number, params: number): Buffer {
  return new PayloadWriter(12).u8(0).u32(statementId).u16(columns).u16(params).u8(0).u16(0).finish();
}

/**
 * The payloads answering COM_STMT_PREPARE. `columns` describe the result when it is already known (empty:
 * described at execute time; drivers that decide from this whether a result set follows need it).
 */
export function encodePrepareResponse(statementId: number, params: number, columns: readonly ColumnDef[], deprecateEof: boolean): Buffer[] {
  const out = [encodePrepareOk(statementId, columns.length, params)];
  for (let i = 0; i < params; i++) out.push(encodeColumnDefinition({ name: '?', type: ColumnType.VAR_STRING, length: 0 }));
  if (params > 0 && !deprecateEof) out.push(encodeEof(0));
  for (const col of columns) out.push(encodeColumnDefinition(col));
  if (columns.length > 0 && !deprecateEof) out.push(encodeEof(0));
  return out;
}

export type ParamValue = string | number | bigint | Buffer | null;

export interface ExecuteRequest {
  statementId: number;
  params: ParamValue[];
  /** Parameter types as last bound (the client sends them only when they change). */
  types: number[];
}

/** Statement id of a COM_STMT_EXECUTE / CLOSE / RESET / SEND_LONG_DATA payload. */
export function statementIdOf(payload: Buffer): number {
  return new PayloadReader(payload, 1).u32();
}

/** Decodes COM_STMT_EXECUTE for a statement with `paramCount` parameters. */
export function parseExecute(payload: Buffer, paramCount: number, boundTypes: number[] | null, longData: Map<number, Buffer>): ExecuteRequest {
  const r = new PayloadReader(payload, 1);
  const statementId = r.u32();
  r.u8(); // cursor flags: we never open cursors
  r.u32(); // iteration count, always 1
  if (paramCount === 0) return { statementId, params: [], types: [] };
  const nullBitmap = r.bytes((paramCount + 7) >> 3);
  let types = boundTypes;
  if (r.u8() === 1) {
    types = [];
    for (let i = 0; i < paramCount; i++) types.push(r.u16());
  }
  if (!types) throw new MalformedPacketError('parameters were never bound');
  const params: ParamValue[] = [];
  for (let i = 0; i < paramCount; i++) {
    if (nullBitmap[i >> 3]! & (1 << (i & 7))) params.push(null);
    else if (longData.has(i)) params.push(longData.get(i)!);
    else params.push(readBinaryValue(r, types[i]!));
  }
  return { statementId, params, types };
}

function readBinaryValue(r: PayloadReader, typeAndFlag: number): ParamValue {
  const type = typeAndFlag & 0xff;
  const unsigned = (typeAndFlag & 0x8000) !== 0;
  switch (type) {
    case ColumnType.NULL:
      return null;
    case ColumnType.TINY: {
      const v = r.u8();
      return unsigned ? v : (v << 24) >> 24;
    }
    case ColumnType.SHORT:
    case ColumnType.YEAR: {
      const v = r.u16();
      return unsigned ? v : (v << 16) >> 16;
    }
    case ColumnType.LONG:
    case ColumnType.INT24: {
      const b = r.bytes(4);
      return unsigned ? b.readUInt32LE(0) : b.readInt32LE(0);
    }
    case ColumnType.LONGLONG: {
      const b = r.bytes(8);
      return unsigned ? b.readBigUInt64LE(0) : b.readBigInt64LE(0);
    }
    case ColumnType.FLOAT:
      return r.bytes(4).readFloatLE(0);
    case ColumnType.DOUBLE:
      return r.bytes(8).readDoubleLE(0);
    case ColumnType.DATE:
    case ColumnType.DATETIME:
    case ColumnType.TIMESTAMP:
      return readDateTime(r.bytes(r.u8()), type === ColumnType.DATE);
    case ColumnType.TIME:
      return readTime(r.bytes(r.u8()));
    default:
      return r.lenencBytes() ?? null;
  }
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function readDateTime(b: Buffer, dateOnly: boolean): string {
  if (b.length === 0) return '0000-00-00' + (dateOnly ? '' : ' 00:00:00');
  const r = new PayloadReader(b);
  let out = `${pad(r.u16(), 4)}-${pad(r.u8())}-${pad(r.u8())}`;
  if (dateOnly) return out;
  const [h, m, s] = b.length >= 7 ? [r.u8(), r.u8(), r.u8()] : [0, 0, 0];
  out += ` ${pad(h)}:${pad(m)}:${pad(s)}`;
  if (b.length >= 11) out += `.${pad(r.u32(), 6)}`;
  return out;
}

function readTime(b: Buffer): string {
  if (b.length === 0) return '00:00:00';
  const r = new PayloadReader(b);
  const negative = r.u8() === 1;
  const days = r.u32();
  const [h, m, s] = [r.u8(), r.u8(), r.u8()];
  let out = `${negative ? '-' : ''}${pad(days * 24 + h)}:${pad(m)}:${pad(s)}`;
  if (b.length >= 12) out += `.${pad(r.u32(), 6)}`;
  return out;
}

const INT_WIDTH: Partial<Record<number, number>> = {
  [ColumnType.TINY]: 1, [ColumnType.SHORT]: 2, [ColumnType.YEAR]: 2, [ColumnType.INT24]: 4, [ColumnType.LONG]: 4, [ColumnType.LONGLONG]: 8,
};

/**
 * The column as sent in a binary result: integers and floats stay binary when every value fits; dates and
 * anything else that does not fit become VAR_STRING, whose binary form is a length-encoded string.
 */
function binaryColumn(col: ColumnDef, index: number, rows: readonly Value[][]): ColumnDef {
  const width = INT_WIDTH[col.type];
  const unsigned = ((col.flags ?? 0) & ColumnFlag.UNSIGNED) !== 0;
  const values = rows.map((r) => r[index]).filter((v): v is string => v !== null && v !== undefined);
  if (width) {
    const bits = BigInt(width * 8);
    const [min, max] = unsigned ? [0n, (1n << bits) - 1n] : [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n];
    const fits = values.every((v) => /^-?\d+$/.test(v) && BigInt(v) >= min && BigInt(v) <= max);
    return fits ? col : { ...col, type: ColumnType.VAR_STRING };
  }
  if (col.type === ColumnType.DOUBLE || col.type === ColumnType.FLOAT) {
    return values.every((v) => Number.isFinite(Number(v))) ? col : { ...col, type: ColumnType.VAR_STRING };
  }
  const stringLike = new Set<number>([
    ColumnType.VARCHAR, ColumnType.VAR_STRING, ColumnType.STRING, ColumnType.BLOB, ColumnType.DECIMAL, ColumnType.NEWDECIMAL,
    ColumnType.JSON, ColumnType.BIT,
  ]);
  if (stringLike.has(col.type) || (col.type === ColumnType.NULL && values.length === 0)) return col;
  return { ...col, type: ColumnType.VAR_STRING };
}

export function encodeBinaryRow(columns: readonly ColumnDef[], row: readonly Value[]): Buffer {
  const bitmap = Buffer.alloc((columns.length + 9) >> 3);
  const w = new PayloadWriter(64);
  row.forEach((v, i) => {
    if (v === null || v === undefined) {
      bitmap[(i + 2) >> 3]! |= 1 << ((i + 2) & 7);
      return;
    }
    const col = columns[i]!;
    const width = INT_WIDTH[col.type];
    if (width) {
      const b = Buffer.alloc(width);
      const n = BigInt(v);
      if (width === 8) b.writeBigUInt64LE(BigInt.asUintN(64, n));
      else b.writeUIntLE(Number(BigInt.asUintN(width * 8, n)), 0, width);
      w.bytes(b);
    } else if (col.type === ColumnType.DOUBLE) {
      const b = Buffer.alloc(8);
      b.writeDoubleLE(Number(v));
      w.bytes(b);
    } else if (col.type === ColumnType.FLOAT) {
      const b = Buffer.alloc(4);
      b.writeFloatLE(Number(v));
      w.bytes(b);
    } else w.lenencString(v);
  });
  return Buffer.concat([Buffer.from([0x00]), bitmap, w.finish()]);
}

/** The columns of `result` as a binary result set declares them (none for an OK result). */
export function binaryColumns(result: QueryResult): ColumnDef[] {
  return result.kind === 'rows' ? result.columns.map((c, i) => binaryColumn(c, i, result.rows)) : [];
}

/** The payloads answering COM_STMT_EXECUTE with `result` (binary protocol rows). */
export function encodeBinaryResult(result: QueryResult, opts: EncodeOptions): Buffer[] {
  if (result.kind === 'ok') return [encodeOk({ ...result, statusFlags: opts.statusFlags })];
  const columns = binaryColumns(result);
  const out: Buffer[] = [new PayloadWriter(9).lenencInt(columns.length).finish()];
  for (const col of columns) out.push(encodeColumnDefinition(col));
  if (!opts.deprecateEof) out.push(encodeEof(opts.statusFlags));
  for (const row of result.rows) {
    if (row.length !== columns.length) throw new RangeError(`row has ${row.length} values for ${columns.length} columns`);
    out.push(encodeBinaryRow(columns, row));
  }
  const warnings = result.warnings?.length ?? 0;
  out.push(opts.deprecateEof ? encodeOk({ statusFlags: opts.statusFlags, warnings }, 0xfe) : encodeEof(opts.statusFlags, warnings));
  return out;
}
