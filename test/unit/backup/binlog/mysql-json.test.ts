// MySQL binary JSON → JSON text (docs/binlog.md). Documents are encoded here by an independent small encoder
// (small containers, inlined literals and int16, doubles, strings), plus hand-written large-container and
// decimal bytes as MySQL lays them out.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mysqlJsonText, JsonDecodeError } from '../../../../src/backup/binlog/mysql-json.js';
import { bindTable, decimalDecoder, readRow } from '../../../../src/backup/binlog/rows.js';
import { ColumnTypeCode as T } from '../../../../src/backup/binlog/events.js';
import { TimeZone } from '../../../../src/backup/rollback/literal.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const decimal = (b: Buffer, p: number, s: number, at: number) => decimalDecoder(p, s)(b, { at });

function varLength(n: number): Buffer {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}

/** [type, inline value (2 bytes) or null, payload when not inlined]. */
function encode(v: Json): { type: number; inline: Buffer | null; payload: Buffer } {
  const u16 = (n: number) => {
    const b = Buffer.alloc(2);
    b.writeUInt16LE(n);
    return b;
  };
  if (v === null || typeof v === 'boolean') return { type: 0x04, inline: u16(v === null ? 0 : v ? 1 : 2), payload: Buffer.alloc(0) };
  if (typeof v === 'number' && Number.isInteger(v) && v >= -32768 && v < 32768) {
    const b = Buffer.alloc(2);
    b.writeInt16LE(v);
    return { type: 0x05, inline: b, payload: Buffer.alloc(0) };
  }
  if (typeof v === 'number') {
    const b = Buffer.alloc(8);
    b.writeDoubleLE(v);
    return { type: 0x0b, inline: null, payload: b };
  }
  if (typeof v === 'string') {
    const s = Buffer.from(v, 'utf8');
    return { type: 0x0c, inline: null, payload: Buffer.concat([varLength(s.length), s]) };
  }
  const isArray = Array.isArray(v);
  const entries: [string, Json][] = isArray ? v.map((x) => ['', x]) : Object.entries(v);
  const keys = entries.map(([k]) => Buffer.from(k, 'utf8'));
  const encoded = entries.map(([, x]) => encode(x));
  const headerSize = 4 + (isArray ? 0 : 4 * entries.length) + 3 * entries.length;
  let offset = headerSize;
  const keyEntries: Buffer[] = [];
  for (const k of keys) {
    if (isArray) break;
    keyEntries.push(Buffer.concat([u16(offset), u16(k.length)]));
    offset += k.length;
  }
  const valueEntries: Buffer[] = [];
  const payloads: Buffer[] = [];
  for (const e of encoded) {
    if (e.inline) valueEntries.push(Buffer.concat([Buffer.from([e.type]), e.inline]));
    else {
      valueEntries.push(Buffer.concat([Buffer.from([e.type]), u16(offset)]));
      payloads.push(e.payload);
      offset += e.payload.length;
    }
  }
  const body = Buffer.concat([u16(entries.length), u16(offset), ...keyEntries, ...valueEntries, ...(isArray ? [] : keys), ...payloads]);
  return { type: isArray ? 0x02 : 0x00, inline: null, payload: body };
}

function document(v: Json): Buffer {
  const e = encode(v);
  if (e.inline) return Buffer.concat([Buffer.from([e.type]), e.inline]);
  return Buffer.concat([Buffer.from([e.type]), e.payload]);
}

test('binary JSON documents decode to equivalent JSON text', () => {
  const docs: Json[] = [
    { a: [1, 'x', true, null], bc: 1.5, nested: { deep: ['😀', "q'uote", 'back\\slash', -32768] } },
    [],
    {},
    'just a string',
    [3.25e100, -0.5, 100000, false],
    null,
  ];
  for (const d of docs) {
    const text = mysqlJsonText(document(d), decimal);
    assert.deepEqual(JSON.parse(text), d, text);
  }
  const two = Buffer.alloc(9);
  two[0] = 0x0b;
  two.writeDoubleLE(2, 1);
  assert.equal(mysqlJsonText(two, decimal), '2.0', 'a double stays a double');
  assert.equal(mysqlJsonText(Buffer.alloc(0), decimal), 'null');
});

test('large containers, wide integers and decimals', () => {
  // Large array of 2: [int32 inlined -5, uint64 1e19 (offset)]
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    return b;
  };
  const big = Buffer.alloc(8);
  big.writeBigUInt64LE(10000000000000000000n);
  const negative = Buffer.alloc(4);
  negative.writeInt32LE(-5);
  const headerSize = 8 + 2 * 5;
  const doc = Buffer.concat([Buffer.from([0x03]), u32(2), u32(headerSize + 8), Buffer.from([0x07]), negative, Buffer.from([0x0a]), u32(headerSize), big]);
  assert.equal(mysqlJsonText(doc, decimal), '[-5, 10000000000000000000]');
  // Opaque DECIMAL(14,4) 1234567890.1234
  const dec = Buffer.concat([Buffer.from([0x0f, 246, 9, 14, 4]), Buffer.from('810dfb38d204d2', 'hex')]);
  assert.equal(mysqlJsonText(dec, decimal), '1234567890.1234');
  // Opaque DATETIME is refused, not guessed
  assert.throws(() => mysqlJsonText(Buffer.from([0x0f, 12, 8, 0, 0, 0, 0, 0, 0, 0, 0]), decimal), JsonDecodeError);
});

test('a MySQL JSON column renders as CAST(… AS JSON), so it also matches in a WHERE clause', () => {
  const bound = bindTable(
    { tableId: 1, db: 'd', table: 't', columns: [{ type: T.JSON, meta: 4, meta2: 0 }], names: null },
    { db: 'd', name: 't', columns: [{ name: 'j', columnType: 'json', collation: null, nullable: true, generated: false }], keyColumns: [] },
    { timeZone: new TimeZone('+00:00'), hexBlob: false },
  );
  const doc = document({ k: "it's" });
  const length = Buffer.alloc(4);
  length.writeUInt32LE(doc.length);
  const row = readRow(bound, Buffer.concat([Buffer.from([0]), length, doc]), { at: 0 });
  assert.deepEqual(row, [`CAST('{"k": "it''s"}' AS JSON)`]);
});
