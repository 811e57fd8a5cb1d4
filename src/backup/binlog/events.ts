// Binlog event framing and the few event bodies rollback needs (docs/binlog.md, "Events"). Pure: bytes in,
// plain objects out. Row images are decoded in rows.ts.

/** Event type codes (MySQL and MariaDB share the low ones). */
export const EventType = {
  QUERY: 2,
  ROTATE: 4,
  FORMAT_DESCRIPTION: 15,
  XID: 16,
  TABLE_MAP: 19,
  WRITE_ROWS_V1: 23,
  UPDATE_ROWS_V1: 24,
  DELETE_ROWS_V1: 25,
  WRITE_ROWS_V2: 30,
  UPDATE_ROWS_V2: 31,
  DELETE_ROWS_V2: 32,
  GTID: 33,
  ANONYMOUS_GTID: 34,
  PARTIAL_UPDATE_ROWS: 39,
  TRANSACTION_PAYLOAD: 40,
  GTID_TAGGED: 42,
  MARIADB_ANNOTATE_ROWS: 160,
  MARIADB_GTID: 162,
  MARIADB_QUERY_COMPRESSED: 165,
  MARIADB_WRITE_ROWS_COMPRESSED_V1: 166,
  MARIADB_DELETE_ROWS_COMPRESSED: 171,
} as const;

export const HEADER_LENGTH = 19;

export interface EventHeader {
  type: number;
  serverId: number;
  /** Whole event length including the header (and the checksum the dump already stripped). */
  length: number;
  /** Position right after this event in its file (0 for artificial events). */
  nextPosition: number;
  flags: number;
}

export function readHeader(event: Buffer): EventHeader {
  return {
    type: event[4],
    serverId: event.readUInt32LE(5),
    length: event.readUInt32LE(9),
    nextPosition: event.readUInt32LE(13),
    flags: event.readUInt16LE(17),
  };
}

export type RowsKind = 'insert' | 'update' | 'delete';

/** The kind of a rows event type code, null for other events; 'unsupported' for row carriers we cannot decode. */
export function rowsKindOf(type: number): RowsKind | 'unsupported' | null {
  switch (type) {
    case EventType.WRITE_ROWS_V1:
    case EventType.WRITE_ROWS_V2:
      return 'insert';
    case EventType.UPDATE_ROWS_V1:
    case EventType.UPDATE_ROWS_V2:
      return 'update';
    case EventType.DELETE_ROWS_V1:
    case EventType.DELETE_ROWS_V2:
      return 'delete';
    case EventType.PARTIAL_UPDATE_ROWS:
    case EventType.TRANSACTION_PAYLOAD:
      return 'unsupported';
    default:
      if (type >= EventType.MARIADB_WRITE_ROWS_COMPRESSED_V1 && type <= EventType.MARIADB_DELETE_ROWS_COMPRESSED) return 'unsupported';
      return null;
  }
}

/** A length-encoded integer at `offset`: [value, next offset]. */
export function readLengthEncoded(buf: Buffer, offset: number): [number, number] {
  const first = buf[offset];
  if (first < 0xfb) return [first, offset + 1];
  if (first === 0xfc) return [buf.readUInt16LE(offset + 1), offset + 3];
  if (first === 0xfd) return [buf.readUIntLE(offset + 1, 3), offset + 4];
  if (first === 0xfe) return [Number(buf.readBigUInt64LE(offset + 1)), offset + 9];
  throw new Error(`invalid length-encoded integer 0x${first.toString(16)}`);
}

/** 6-byte table ids (every server since MySQL 5.1 writes them so). */
function readTableId(buf: Buffer, offset: number): number {
  return buf.readUIntLE(offset, 6);
}

export interface RotateEvent {
  file: string;
  position: number;
}

export function readRotate(event: Buffer): RotateEvent {
  const position = Number(event.readBigUInt64LE(HEADER_LENGTH));
  return { position, file: event.toString('utf8', HEADER_LENGTH + 8) };
}

export interface QueryEvent {
  threadId: number;
  query: string;
}

export function readQuery(event: Buffer): QueryEvent {
  const o = HEADER_LENGTH;
  const threadId = event.readUInt32LE(o);
  const dbLength = event[o + 8];
  const statusLength = event.readUInt16LE(o + 11);
  const queryStart = o + 13 + statusLength + dbLength + 1;
  return { threadId, query: event.toString('utf8', queryStart) };
}

/** MariaDB ANNOTATE_ROWS event: the text of the statement whose row events follow, as the server received it. */
export function readAnnotateRows(event: Buffer): string {
  return event.toString('utf8', HEADER_LENGTH);
}

/** MariaDB GTID event: `domain-server-sequence`, and whether it opens a transaction with a commit marker. */
export interface MariadbGtidEvent {
  gtid: string;
  standalone: boolean;
}

export function readMariadbGtid(event: Buffer, serverId: number): MariadbGtidEvent {
  const o = HEADER_LENGTH;
  const sequence = event.readBigUInt64LE(o);
  const domain = event.readUInt32LE(o + 8);
  const flags = event[o + 12];
  return { gtid: `${domain}-${serverId}-${sequence}`, standalone: (flags & 1) !== 0 };
}

/** MySQL GTID event: `uuid:gno` (tagged GTIDs of MySQL 8.3+ are not parsed: gtid is null then). */
export function readMysqlGtid(event: Buffer, type: number): string | null {
  if (type !== EventType.GTID) return null;
  const o = HEADER_LENGTH + 1;
  const hex = event.toString('hex', o, o + 16);
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return `${uuid}:${event.readBigUInt64LE(o + 16)}`;
}

/** Binlog column type codes used below. */
export const ColumnTypeCode = {
  DECIMAL: 0,
  TINY: 1,
  SHORT: 2,
  LONG: 3,
  FLOAT: 4,
  DOUBLE: 5,
  NULL: 6,
  TIMESTAMP: 7,
  LONGLONG: 8,
  INT24: 9,
  DATE: 10,
  TIME: 11,
  DATETIME: 12,
  YEAR: 13,
  NEWDATE: 14,
  VARCHAR: 15,
  BIT: 16,
  TIMESTAMP2: 17,
  DATETIME2: 18,
  TIME2: 19,
  JSON: 245,
  NEWDECIMAL: 246,
  ENUM: 247,
  SET: 248,
  TINY_BLOB: 249,
  MEDIUM_BLOB: 250,
  LONG_BLOB: 251,
  BLOB: 252,
  VAR_STRING: 253,
  STRING: 254,
  GEOMETRY: 255,
} as const;

/** One column as the TABLE_MAP event describes it. */
export interface MappedColumn {
  /** The real type: STRING columns carrying ENUM/SET report ENUM/SET here. */
  type: number;
  /** Type-specific metadata, decoded (meaning depends on `type`, see rows.ts). */
  meta: number;
  /** Second metadata number (DECIMAL scale, BIT bits in the last byte). */
  meta2: number;
}

export interface TableMapEvent {
  tableId: number;
  db: string;
  table: string;
  columns: MappedColumn[];
  /** Column names when the server logs them (binlog_row_metadata=FULL), else null. */
  names: string[] | null;
}

const COLUMN_NAME_METADATA = 4;

export function readTableMap(event: Buffer): TableMapEvent {
  let o = HEADER_LENGTH;
  const tableId = readTableId(event, o);
  o += 8;
  const dbLength = event[o];
  const db = event.toString('utf8', o + 1, o + 1 + dbLength);
  o += 1 + dbLength + 1;
  const tableLength = event[o];
  const table = event.toString('utf8', o + 1, o + 1 + tableLength);
  o += 1 + tableLength + 1;
  let count: number;
  [count, o] = readLengthEncoded(event, o);
  const types = event.subarray(o, o + count);
  o += count;
  let metaLength: number;
  [metaLength, o] = readLengthEncoded(event, o);
  const metaEnd = o + metaLength;
  const columns: MappedColumn[] = [];
  for (let i = 0; i < count; i++) {
    let type = types[i];
    let meta = 0;
    let meta2 = 0;
    switch (type) {
      case ColumnTypeCode.FLOAT:
      case ColumnTypeCode.DOUBLE:
      case ColumnTypeCode.BLOB:
      case ColumnTypeCode.GEOMETRY:
      case ColumnTypeCode.JSON:
      case ColumnTypeCode.TIMESTAMP2:
      case ColumnTypeCode.DATETIME2:
      case ColumnTypeCode.TIME2:
        meta = event[o++];
        break;
      case ColumnTypeCode.VARCHAR:
      case ColumnTypeCode.VAR_STRING:
        meta = event.readUInt16LE(o);
        o += 2;
        break;
      case ColumnTypeCode.BIT:
        meta2 = event[o]; // bits in the partial byte
        meta = event[o + 1]; // whole bytes
        o += 2;
        break;
      case ColumnTypeCode.NEWDECIMAL:
        meta = event[o]; // precision
        meta2 = event[o + 1]; // scale
        o += 2;
        break;
      case ColumnTypeCode.STRING:
      case ColumnTypeCode.ENUM:
      case ColumnTypeCode.SET: {
        const b0 = event[o];
        const b1 = event[o + 1];
        o += 2;
        if ((b0 & 0x30) !== 0x30) {
          // Long CHAR: the high bits of the length are folded into the type byte.
          type = b0 | 0x30;
          meta = b1 | (((b0 & 0x30) ^ 0x30) << 4);
        } else {
          type = b0;
          meta = b1;
        }
        break;
      }
      default:
        break;
    }
    columns.push({ type, meta, meta2 });
  }
  o = metaEnd;
  o += Math.floor((count + 7) / 8); // null-ability bitmap
  let names: string[] | null = null;
  while (o < event.length) {
    const fieldType = event[o];
    let length: number;
    [length, o] = readLengthEncoded(event, o + 1);
    const end = o + length;
    if (fieldType === COLUMN_NAME_METADATA) {
      names = [];
      let p = o;
      while (p < end) {
        let n: number;
        [n, p] = readLengthEncoded(event, p);
        names.push(event.toString('utf8', p, p + n));
        p += n;
      }
    }
    o = end;
  }
  return { tableId, db, table, columns, names };
}

/** Flag on the last rows event of a statement. */
export const STMT_END_FLAG = 1;

export interface RowsEventHead {
  tableId: number;
  flags: number;
  columnCount: number;
  /** Whether every column is present in the before (and, for updates, after) image. */
  fullImage: boolean;
  /** Offset of the first row image. */
  rowsOffset: number;
}

export function readRowsHead(event: Buffer, type: number): RowsEventHead {
  let o = HEADER_LENGTH;
  const tableId = readTableId(event, o);
  const flags = event.readUInt16LE(o + 6);
  o += 8;
  if (type >= EventType.WRITE_ROWS_V2 && type <= EventType.DELETE_ROWS_V2) {
    o += event.readUInt16LE(o); // extra data length includes its own two bytes
  }
  let columnCount: number;
  [columnCount, o] = readLengthEncoded(event, o);
  const bitmapLength = Math.floor((columnCount + 7) / 8);
  const images = type === EventType.UPDATE_ROWS_V1 || type === EventType.UPDATE_ROWS_V2 ? 2 : 1;
  let fullImage = true;
  for (let image = 0; image < images; image++) {
    for (let i = 0; i < columnCount; i++) {
      if ((event[o + (i >> 3)] & (1 << (i & 7))) === 0) fullImage = false;
    }
    o += bitmapLength;
  }
  return { tableId, flags, columnCount, fullImage, rowsOffset: o };
}
