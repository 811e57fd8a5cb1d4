// What a command answers, independent of how it is framed on the wire.
// Every layer above protocol/ returns a QueryResult or throws a MysqlError; the connection encodes it.

/** MySQL column type codes (protocol::ColumnType). */
export const ColumnType = {
  DECIMAL: 0x00,
  TINY: 0x01,
  SHORT: 0x02,
  LONG: 0x03,
  FLOAT: 0x04,
  DOUBLE: 0x05,
  NULL: 0x06,
  TIMESTAMP: 0x07,
  LONGLONG: 0x08,
  INT24: 0x09,
  DATE: 0x0a,
  TIME: 0x0b,
  DATETIME: 0x0c,
  YEAR: 0x0d,
  VARCHAR: 0x0f,
  BIT: 0x10,
  JSON: 0xf5,
  NEWDECIMAL: 0xf6,
  BLOB: 0xfc,
  VAR_STRING: 0xfd,
  STRING: 0xfe,
} as const;
export type ColumnTypeCode = (typeof ColumnType)[keyof typeof ColumnType];

export interface ColumnDef {
  name: string;
  type: ColumnTypeCode;
  /** Display length; the encoder picks a sensible default per type when absent. */
  length?: number;
  /** Column flags (NOT_NULL=1, PRI=2, UNSIGNED=32, BINARY=128 ...). */
  flags?: number;
  decimals?: number;
  table?: string;
}

/** A result set's columns written as one table of `[name, type]` pairs, in column order. */
export function columnDefs(...columns: readonly (readonly [name: string, type: ColumnTypeCode])[]): readonly ColumnDef[] {
  return columns.map(([name, type]) => ({ name, type }));
}

/** Text-protocol cell: a string, or null for SQL NULL. */
export type Value = string | null;

/** A condition a statement leaves behind for SHOW WARNINGS (its count travels in the final EOF/OK). */
export interface Warning {
  level: 'Note' | 'Warning' | 'Error';
  code: number;
  message: string;
}

export type QueryResult =
  | { kind: 'ok'; affectedRows?: number; insertId?: number; info?: string; warnings?: number }
  | { kind: 'rows'; columns: ColumnDef[]; rows: Value[][]; warnings?: Warning[] };

/** The one error type that becomes an ERR packet. */
export class MysqlError extends Error {
  constructor(
    readonly code: number,
    readonly sqlState: string,
    message: string,
  ) {
    super(message);
    this.name = 'MysqlError';
  }
}

/** Server error numbers we send, with their SQLSTATE. */
export const ER = {
  CON_COUNT_ERROR: { code: 1040, sqlState: '08004' },
  ACCESS_DENIED: { code: 1045, sqlState: '28000' },
  NO_DB: { code: 1046, sqlState: '3D000' },
  UNKNOWN_COM: { code: 1047, sqlState: '08S01' },
  BAD_DB: { code: 1049, sqlState: '42000' },
  PARSE: { code: 1064, sqlState: '42000' },
  NO_SUCH_THREAD: { code: 1094, sqlState: 'HY000' },
  KILL_DENIED: { code: 1095, sqlState: 'HY000' },
  SPECIFIC_ACCESS_DENIED: { code: 1227, sqlState: '42000' },
  UNKNOWN: { code: 1105, sqlState: 'HY000' },
  NET_PACKET_TOO_LARGE: { code: 1153, sqlState: '08S01' },
  NET_READ: { code: 1158, sqlState: '08S01' },
  NET_READ_INTERRUPTED: { code: 1159, sqlState: '08S01' },
  UNKNOWN_SYSTEM_VARIABLE: { code: 1193, sqlState: 'HY000' },
  WRONG_VALUE_FOR_VAR: { code: 1231, sqlState: '42000' },
  WRONG_TYPE_FOR_VAR: { code: 1232, sqlState: '42000' },
  QUERY_INTERRUPTED: { code: 1317, sqlState: '70100' },
  NOT_SUPPORTED_AUTH_MODE: { code: 1251, sqlState: '08004' },
  HANDSHAKE_ERROR: { code: 1043, sqlState: '08S01' },
  NET_PACKETS_OUT_OF_ORDER: { code: 1156, sqlState: '08S01' },
  MALFORMED_PACKET: { code: 1835, sqlState: 'HY000' },
  UNKNOWN_STMT_HANDLER: { code: 1243, sqlState: 'HY000' },
  MAX_PREPARED_STMT_COUNT_REACHED: { code: 1461, sqlState: '42000' },
  CLIENT_INTERACTION_TIMEOUT: { code: 4031, sqlState: 'HY000' },
} as const;

export function mysqlError(kind: { code: number; sqlState: string }, message: string): MysqlError {
  return new MysqlError(kind.code, kind.sqlState, message);
}
