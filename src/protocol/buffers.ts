// Reading and writing packet payloads: fixed-width little-endian integers, length-encoded integers and strings,
// NUL-terminated strings. The reader never reads past the payload: it throws MalformedPacketError instead.

export class MalformedPacketError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedPacketError';
  }
}

/** Bytes a length-encoded integer of this value takes. */
export function lenencIntLength(value: number): number {
  if (value < 251) return 1;
  if (value < 0x10000) return 3;
  if (value < 0x1000000) return 4;
  return 9;
}

export class PayloadWriter {
  private buf: Buffer;
  private length = 0;

  constructor(initialCapacity = 256) {
    this.buf = Buffer.allocUnsafe(initialCapacity);
  }

  private reserve(bytes: number): void {
    const needed = this.length + bytes;
    if (needed <= this.buf.length) return;
    let capacity = this.buf.length * 2;
    while (capacity < needed) capacity *= 2;
    const grown = Buffer.allocUnsafe(capacity);
    this.buf.copy(grown, 0, 0, this.length);
    this.buf = grown;
  }

  u8(value: number): this {
    this.reserve(1);
    this.buf[this.length++] = value & 0xff;
    return this;
  }

  u16(value: number): this {
    this.reserve(2);
    this.buf.writeUInt16LE(value & 0xffff, this.length);
    this.length += 2;
    return this;
  }

  u24(value: number): this {
    this.reserve(3);
    this.buf.writeUIntLE(value & 0xffffff, this.length, 3);
    this.length += 3;
    return this;
  }

  u32(value: number): this {
    this.reserve(4);
    this.buf.writeUInt32LE(value >>> 0, this.length);
    this.length += 4;
    return this;
  }

  zeros(count: number): this {
    this.reserve(count);
    this.buf.fill(0, this.length, this.length + count);
    this.length += count;
    return this;
  }

  bytes(data: Buffer | Uint8Array): this {
    this.reserve(data.length);
    this.buf.set(data, this.length);
    this.length += data.length;
    return this;
  }

  /** Raw string without terminator (rest-of-packet strings). */
  string(text: string): this {
    const bytes = Buffer.byteLength(text, 'utf8');
    this.reserve(bytes);
    this.buf.write(text, this.length, 'utf8');
    this.length += bytes;
    return this;
  }

  nulString(text: string | Buffer): this {
    if (typeof text === 'string') this.string(text);
    else this.bytes(text);
    return this.u8(0);
  }

  lenencInt(value: number): this {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`length-encoded integer out of range: ${value}`);
    if (value < 251) return this.u8(value);
    if (value < 0x10000) return this.u8(0xfc).u16(value);
    if (value < 0x1000000) return this.u8(0xfd).u24(value);
    this.u8(0xfe);
    this.reserve(8);
    this.buf.writeBigUInt64LE(BigInt(value), this.length);
    this.length += 8;
    return this;
  }

  lenencString(text: string | Buffer): this {
    if (typeof text === 'string') {
      const bytes = Buffer.byteLength(text, 'utf8');
      this.lenencInt(bytes);
      this.reserve(bytes);
      this.buf.write(text, this.length, 'utf8');
      this.length += bytes;
      return this;
    }
    return this.lenencInt(text.length).bytes(text);
  }

  get size(): number {
    return this.length;
  }

  /** The written bytes (a view; the writer must not be used afterwards). */
  finish(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}

export class PayloadReader {
  private pos = 0;

  constructor(private readonly buf: Buffer, start = 0) {
    this.pos = start;
  }

  get offset(): number {
    return this.pos;
  }

  get remaining(): number {
    return this.buf.length - this.pos;
  }

  private need(bytes: number, what: string): void {
    if (this.pos + bytes > this.buf.length) {
      throw new MalformedPacketError(`truncated packet: ${what} needs ${bytes} byte(s) at offset ${this.pos}, ${this.remaining} left`);
    }
  }

  u8(): number {
    this.need(1, 'int<1>');
    return this.buf[this.pos++]!;
  }

  u16(): number {
    this.need(2, 'int<2>');
    const v = this.buf.readUInt16LE(this.pos);
    this.pos += 2;
    return v;
  }

  u24(): number {
    this.need(3, 'int<3>');
    const v = this.buf.readUIntLE(this.pos, 3);
    this.pos += 3;
    return v;
  }

  u32(): number {
    this.need(4, 'int<4>');
    const v = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }

  skip(count: number): void {
    this.need(count, 'filler');
    this.pos += count;
  }

  bytes(count: number): Buffer {
    this.need(count, 'string<fix>');
    const out = this.buf.subarray(this.pos, this.pos + count);
    this.pos += count;
    return out;
  }

  rest(): Buffer {
    const out = this.buf.subarray(this.pos);
    this.pos = this.buf.length;
    return out;
  }

  /** NUL-terminated bytes; a missing terminator is malformed unless `allowEof`, then the rest is taken. */
  nulBytes(allowEof = false): Buffer {
    const end = this.buf.indexOf(0, this.pos);
    if (end < 0) {
      if (allowEof) return this.rest();
      throw new MalformedPacketError(`missing NUL terminator after offset ${this.pos}`);
    }
    const out = this.buf.subarray(this.pos, end);
    this.pos = end + 1;
    return out;
  }

  nulString(allowEof = false): string {
    return this.nulBytes(allowEof).toString('utf8');
  }

  /** Length-encoded integer; null for the NULL marker 0xfb. */
  lenencInt(): number | null {
    const first = this.u8();
    if (first < 0xfb) return first;
    if (first === 0xfb) return null;
    if (first === 0xfc) return this.u16();
    if (first === 0xfd) return this.u24();
    if (first === 0xfe) {
      this.need(8, 'int<8>');
      const big = this.buf.readBigUInt64LE(this.pos);
      this.pos += 8;
      if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new MalformedPacketError(`length-encoded integer too large: ${big}`);
      return Number(big);
    }
    throw new MalformedPacketError(`invalid length-encoded integer prefix 0x${first.toString(16)}`);
  }

  lenencBytes(): Buffer | null {
    const length = this.lenencInt();
    if (length === null) return null;
    return this.bytes(length);
  }

  lenencString(): string | null {
    const bytes = this.lenencBytes();
    return bytes === null ? null : bytes.toString('utf8');
  }
}
