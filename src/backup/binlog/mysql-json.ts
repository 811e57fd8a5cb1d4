// MySQL's binary JSON (the JSON column type of MySQL 5.7+, type 245 in row images) → JSON text
// (docs/binlog.md, "Values"). MariaDB stores JSON as text and never reaches this. Pure.

const SMALL_OBJECT = 0x00;
const LARGE_OBJECT = 0x01;
const SMALL_ARRAY = 0x02;
const LARGE_ARRAY = 0x03;
const LITERAL = 0x04;
const INT16 = 0x05;
const UINT16 = 0x06;
const INT32 = 0x07;
const UINT32 = 0x08;
const INT64 = 0x09;
const UINT64 = 0x0a;
const DOUBLE = 0x0b;
const STRING = 0x0c;
const OPAQUE = 0x0f;

const MYSQL_TYPE_NEWDECIMAL = 246;

export class JsonDecodeError extends Error {}

/** Length stored 7 bits per byte, low bits first: [length, next offset]. */
function readVariableLength(b: Buffer, at: number): [number, number] {
  let length = 0;
  for (let i = 0; i < 5; i++) {
    const byte = b[at + i];
    length += (byte & 0x7f) * 2 ** (7 * i);
    if ((byte & 0x80) === 0) return [length, at + i + 1];
  }
  throw new JsonDecodeError('bad variable-length integer in binary JSON');
}

/** Decodes the binary DECIMAL inside an opaque JSON value: precision, scale, then the usual binary decimal. */
export type DecimalText = (b: Buffer, precision: number, scale: number, at: number) => string;

function scalar(b: Buffer, type: number, at: number, end: number, decimal: DecimalText): string {
  switch (type) {
    case LITERAL:
      return b[at] === 0 ? 'null' : b[at] === 1 ? 'true' : 'false';
    case INT16:
      return String(b.readInt16LE(at));
    case UINT16:
      return String(b.readUInt16LE(at));
    case INT32:
      return String(b.readInt32LE(at));
    case UINT32:
      return String(b.readUInt32LE(at));
    case INT64:
      return String(b.readBigInt64LE(at));
    case UINT64:
      return String(b.readBigUInt64LE(at));
    case DOUBLE: {
      const v = b.readDoubleLE(at);
      const text = String(v);
      // JSON has no integer/double distinction in text, but MySQL keeps the double type when it reads `1.0`.
      return Number.isInteger(v) && !text.includes('e') ? `${text}.0` : text;
    }
    case STRING: {
      const [length, from] = readVariableLength(b, at);
      return JSON.stringify(b.toString('utf8', from, from + length));
    }
    case OPAQUE: {
      const fieldType = b[at];
      const [length, from] = readVariableLength(b, at + 1);
      if (fieldType === MYSQL_TYPE_NEWDECIMAL) return decimal(b, b[from], b[from + 1], from + 2);
      // Dates and times inside JSON keep MySQL's packed form; written back as base64 they would change type.
      throw new JsonDecodeError(`binary JSON opaque value of MySQL type ${fieldType} (${length} bytes) is not decoded`);
    }
    default:
      if (at > end) throw new JsonDecodeError('truncated binary JSON');
      throw new JsonDecodeError(`unknown binary JSON type 0x${type.toString(16)}`);
  }
}

function container(b: Buffer, type: number, start: number, end: number, decimal: DecimalText): string {
  const large = type === LARGE_OBJECT || type === LARGE_ARRAY;
  const isObject = type === SMALL_OBJECT || type === LARGE_OBJECT;
  const word = large ? 4 : 2;
  const read = (at: number) => (large ? b.readUInt32LE(at) : b.readUInt16LE(at));
  const count = read(start);
  const size = read(start + word);
  if (start + size > end) throw new JsonDecodeError('truncated binary JSON container');
  let entry = start + 2 * word;
  const keys: string[] = [];
  if (isObject) {
    for (let i = 0; i < count; i++) {
      const keyOffset = read(entry);
      const keyLength = b.readUInt16LE(entry + word);
      keys.push(JSON.stringify(b.toString('utf8', start + keyOffset, start + keyOffset + keyLength)));
      entry += word + 2;
    }
  }
  const values: string[] = [];
  for (let i = 0; i < count; i++) {
    const valueType = b[entry];
    const inlined =
      valueType === LITERAL || valueType === INT16 || valueType === UINT16 || (large && (valueType === INT32 || valueType === UINT32));
    values.push(inlined ? scalar(b, valueType, entry + 1, end, decimal) : value(b, valueType, start + read(entry + 1), start + size, decimal));
    entry += 1 + word;
  }
  if (!isObject) return `[${values.join(', ')}]`;
  return `{${values.map((v, i) => `${keys[i]}: ${v}`).join(', ')}}`;
}

function value(b: Buffer, type: number, at: number, end: number, decimal: DecimalText): string {
  if (type <= LARGE_ARRAY) return container(b, type, at, end, decimal);
  return scalar(b, type, at, end, decimal);
}

/** JSON text of one binary JSON document (an empty document is JSON null). */
export function mysqlJsonText(doc: Buffer, decimal: DecimalText): string {
  if (doc.length === 0) return 'null';
  return value(doc, doc[0], 1, doc.length, decimal);
}
