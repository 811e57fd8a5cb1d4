import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PayloadReader, PayloadWriter, MalformedPacketError } from '../../../src/protocol/buffers.js';
import { framePackets, PacketReader, PacketTooLargeError } from '../../../src/protocol/framing.js';
import { Capability, MAX_PACKET_PAYLOAD } from '../../../src/protocol/constants.js';
import {
  decodeHandshakeV10, encodeAuthSwitchRequest, encodeHandshakeResponse41, encodeHandshakeV10, encodeSslRequest, generateScramble,
  isSslRequest, nativePasswordHash, nativePasswordScramble, parseChangeUser, parseHandshakeResponse41, verifyNativePassword,
} from '../../../src/protocol/handshake.js';
import { decodeErr, decodeOk, encodeColumnDefinition, encodeEof, encodeErr, encodeOk, encodeQueryResult, encodeTextRow } from '../../../src/protocol/responses.js';
import { decodeCommand } from '../../../src/protocol/commands.js';
import { ColumnType } from '../../../src/protocol/result.js';

test('length-encoded integers round-trip at every width boundary', () => {
  const cases: [number, number][] = [
    [0, 1], [250, 1], [251, 3], [0xffff, 3], [0x10000, 4], [0xffffff, 4], [0x1000000, 9], [2 ** 53 - 1, 9],
  ];
  for (const [value, bytes] of cases) {
    const buf = new PayloadWriter().lenencInt(value).finish();
    assert.equal(buf.length, bytes, `width of ${value}`);
    assert.equal(new PayloadReader(buf).lenencInt(), value);
  }
  assert.deepEqual([...new PayloadWriter().lenencInt(251).finish()], [0xfc, 0xfb, 0x00]);
  assert.equal(new PayloadReader(Buffer.from([0xfb])).lenencInt(), null, '0xfb is NULL');
  assert.throws(() => new PayloadReader(Buffer.from([0xff])).lenencInt(), MalformedPacketError);
  assert.throws(() => new PayloadReader(Buffer.from([0xfd, 1, 2])).lenencInt(), MalformedPacketError, 'truncated');
});

test('length-encoded strings carry utf8 byte lengths', () => {
  const text = '😀中';
  const buf = new PayloadWriter().lenencString(text).finish();
  assert.equal(buf[0], 7);
  assert.equal(new PayloadReader(buf).lenencString(), text);
  const long = 'a'.repeat(300);
  assert.equal(new PayloadReader(new PayloadWriter().lenencString(long).finish()).lenencString(), long);
});

test('framing: sequence ids, one buffer, and packets split across arbitrary chunks', () => {
  const { buffer, nextSequenceId } = framePackets([Buffer.from('ab'), Buffer.alloc(0), Buffer.from('xyz')], 255);
  assert.deepEqual([...buffer.subarray(0, 6)], [2, 0, 0, 255, 0x61, 0x62]);
  assert.equal(buffer[9], 0, 'sequence wraps to 0');
  assert.equal(nextSequenceId, 2);
  const reader = new PacketReader(1024);
  const got = [];
  for (const byte of buffer) got.push(...reader.push(Buffer.from([byte])));
  assert.deepEqual(got.map((p) => p.payload.toString()), ['ab', '', 'xyz']);
  assert.deepEqual(got.map((p) => p.sequenceId), [255, 0, 1]);
  assert.equal(got[2]!.nextSequenceId, 2);
});

test('framing: payloads of 16 MB and more are split and joined again', () => {
  for (const size of [MAX_PACKET_PAYLOAD - 1, MAX_PACKET_PAYLOAD, MAX_PACKET_PAYLOAD + 5]) {
    const payload = Buffer.alloc(size, 7);
    payload[size - 1] = 9;
    const { buffer, nextSequenceId } = framePackets([payload], 0);
    const fragments = Math.floor(size / MAX_PACKET_PAYLOAD) + 1;
    assert.equal(buffer.length, size + 4 * fragments);
    assert.equal(nextSequenceId, fragments);
    if (size === MAX_PACKET_PAYLOAD) assert.deepEqual([...buffer.subarray(buffer.length - 4)], [0, 0, 0, 1], 'empty trailer');
    const reader = new PacketReader(32 * 1024 * 1024);
    const out = [];
    for (let i = 0; i < buffer.length; i += 1 << 20) out.push(...reader.push(buffer.subarray(i, i + (1 << 20))));
    assert.equal(out.length, 1);
    assert.equal(out[0]!.payload.length, size);
    assert.equal(out[0]!.payload[size - 1], 9);
    assert.equal(out[0]!.nextSequenceId, fragments);
  }
});

test('the packet reader refuses a packet above the maximum from its header alone', () => {
  const reader = new PacketReader(100);
  assert.deepEqual(reader.push(Buffer.from([100, 0, 0, 0])), [], 'exactly the maximum is fine');
  const big = new PacketReader(100);
  assert.throws(() => big.push(Buffer.from([101, 0, 0, 3])), (err: unknown) => err instanceof PacketTooLargeError && err.sequenceId === 3);
  assert.deepEqual(big.push(Buffer.alloc(10)), [], 'stays failed');
});

test('the packet reader stops after a packet the caller marks (SSLRequest before TLS bytes)', () => {
  const reader = new PacketReader(1024);
  const ssl = encodeSslRequest(Capability.PROTOCOL_41, 1 << 24, 45);
  const wire = Buffer.concat([framePackets([ssl], 1).buffer, Buffer.from([0x16, 0x03, 0x01, 0x00, 0x05])]);
  const packets = reader.push(wire, (p) => isSslRequest(p.payload));
  assert.equal(packets.length, 1);
  assert.deepEqual([...reader.takeRemainder()], [0x16, 0x03, 0x01, 0x00, 0x05]);
});

test('Handshake v10 round-trips with a 20-byte scramble split 8 + 12', () => {
  const scramble = generateScramble();
  assert.equal(scramble.length, 20);
  assert.ok(!scramble.includes(0), 'no NUL in the scramble');
  const payload = encodeHandshakeV10({
    serverVersion: '5.7.25-inceptor-0.1.0', connectionId: 10485844, scramble, capabilities: 0x81ffffff >>> 0, collation: 45,
    statusFlags: 2, authPlugin: 'mysql_native_password',
  });
  const back = decodeHandshakeV10(payload);
  assert.equal(back.serverVersion, '5.7.25-inceptor-0.1.0');
  assert.equal(back.connectionId, 10485844);
  assert.deepEqual(back.scramble, scramble);
  assert.equal(back.capabilities, 0x81ffffff >>> 0);
  assert.equal(back.authPlugin, 'mysql_native_password');
});

test('HandshakeResponse41 parsing: lenenc auth data, 1-byte auth data, db, plugin, attributes', () => {
  const base = Capability.PROTOCOL_41 | Capability.SECURE_CONNECTION | Capability.PLUGIN_AUTH | Capability.CONNECT_WITH_DB;
  for (const caps of [base, base | Capability.PLUGIN_AUTH_LENENC_CLIENT_DATA | Capability.CONNECT_ATTRS]) {
    const payload = encodeHandshakeResponse41({
      capabilities: caps, maxPacketSize: 1 << 24, collation: 45, user: 'alice', authResponse: Buffer.alloc(20, 1),
      database: 'db1', authPlugin: 'caching_sha2_password', attributes: { _client_name: 'x' },
    });
    const r = parseHandshakeResponse41(payload);
    assert.equal(r.user, 'alice');
    assert.equal(r.authResponse.length, 20);
    assert.equal(r.database, 'db1');
    assert.equal(r.authPlugin, 'caching_sha2_password');
    if (caps & Capability.CONNECT_ATTRS) assert.deepEqual(r.attributes, { _client_name: 'x' });
  }
  assert.throws(() => parseHandshakeResponse41(Buffer.from([0, 2, 0, 0])), MalformedPacketError, 'truncated');
  assert.throws(() => parseHandshakeResponse41(Buffer.alloc(40)), MalformedPacketError, 'no PROTOCOL_41');
  const ssl = encodeSslRequest(Capability.PROTOCOL_41, 1 << 24, 45);
  assert.equal(ssl.length, 32);
  assert.ok(isSslRequest(ssl));
});

test('mysql_native_password: known vector, verify, wrong password, empty password', () => {
  // SHA1(SHA1('password')) as MySQL prints it in mysql.user
  assert.equal(nativePasswordHash('password').toString('hex').toUpperCase(), '2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19');
  const scramble = Buffer.from('0123456789abcdefghij');
  const response = nativePasswordScramble('password', scramble);
  assert.equal(response.toString('hex'), nativePasswordScramble('password', scramble).toString('hex'));
  assert.ok(verifyNativePassword(scramble, response, nativePasswordHash('password')));
  assert.ok(!verifyNativePassword(scramble, nativePasswordScramble('Password', scramble), nativePasswordHash('password')));
  assert.ok(!verifyNativePassword(Buffer.from('0123456789abcdefghiJ'), response, nativePasswordHash('password')));
  assert.ok(verifyNativePassword(scramble, Buffer.alloc(0), null), 'empty password, empty response');
  assert.ok(!verifyNativePassword(scramble, response, null));
  assert.ok(!verifyNativePassword(scramble, Buffer.alloc(0), nativePasswordHash('password')));
});

test('AuthSwitchRequest and COM_CHANGE_USER', () => {
  const scramble = Buffer.alloc(20, 0x41);
  const sw = encodeAuthSwitchRequest('mysql_native_password', scramble);
  assert.equal(sw[0], 0xfe);
  assert.equal(sw.toString('latin1', 1, 22), 'mysql_native_password');
  assert.equal(sw.length, 1 + 22 + 20 + 1);
  const caps = Capability.PROTOCOL_41 | Capability.SECURE_CONNECTION | Capability.PLUGIN_AUTH;
  const payload = Buffer.concat([Buffer.from([0x11]), Buffer.from('bob\0'), Buffer.from([3, 1, 2, 3]), Buffer.from('db2\0'), Buffer.from([45, 0]), Buffer.from('mysql_native_password\0')]);
  const req = parseChangeUser(payload, caps);
  assert.equal(req.user, 'bob');
  assert.deepEqual([...req.authResponse], [1, 2, 3]);
  assert.equal(req.database, 'db2');
  assert.equal(req.collation, 45);
  assert.equal(req.authPlugin, 'mysql_native_password');
});

test('OK, ERR and EOF bytes', () => {
  const ok = encodeOk({ affectedRows: 300, insertId: 0, statusFlags: 2, warnings: 1, info: 'Rows matched: 1' });
  assert.deepEqual([...ok.subarray(0, 9)], [0x00, 0xfc, 0x2c, 0x01, 0x00, 0x02, 0x00, 0x01, 0x00]);
  assert.equal(ok[9], 15, 'info is length-encoded');
  assert.deepEqual(decodeOk(ok), { affectedRows: 300, insertId: 0, statusFlags: 2, warnings: 1, info: 'Rows matched: 1' });
  assert.equal(encodeOk({ statusFlags: 2 }).length, 7, 'no info, no trailing bytes');
  const err = encodeErr(1045, '28000', 'Access denied');
  assert.deepEqual([...err.subarray(0, 9)], [0xff, 0x15, 0x04, 0x23, 0x32, 0x38, 0x30, 0x30, 0x30]);
  assert.deepEqual(decodeErr(err), { code: 1045, sqlState: '28000', message: 'Access denied' });
  assert.deepEqual([...encodeEof(2)], [0xfe, 0, 0, 2, 0]);
});

test('text result sets: column definitions, NULL as 0xfb, EOF vs DEPRECATE_EOF', () => {
  const row = encodeTextRow(['1', null, '']);
  assert.deepEqual([...row], [1, 0x31, 0xfb, 0]);
  const col = new PayloadReader(encodeColumnDefinition({ name: 'id', type: ColumnType.LONGLONG }));
  assert.equal(col.lenencString(), 'def');
  col.lenencString(); col.lenencString(); col.lenencString();
  assert.equal(col.lenencString(), 'id');
  assert.equal(col.lenencString(), 'id');
  assert.equal(col.lenencInt(), 0x0c);
  assert.equal(col.u16(), 63, 'numbers use the binary collation');
  col.u32();
  assert.equal(col.u8(), ColumnType.LONGLONG);
  const result = { kind: 'rows' as const, columns: [{ name: 'a', type: ColumnType.VAR_STRING }], rows: [['x'], [null]] };
  const classic = encodeQueryResult(result, { statusFlags: 2, deprecateEof: false });
  assert.equal(classic.length, 1 + 1 + 1 + 2 + 1);
  assert.deepEqual([...classic[2]!], [0xfe, 0, 0, 2, 0]);
  const modern = encodeQueryResult(result, { statusFlags: 2, deprecateEof: true });
  assert.equal(modern.length, 1 + 1 + 2 + 1);
  assert.equal(modern.at(-1)![0], 0xfe);
  assert.equal(modern.at(-1)!.length, 7, 'an OK packet with the EOF header');
  assert.throws(() => encodeQueryResult({ kind: 'rows', columns: result.columns, rows: [['a', 'b']] }, { statusFlags: 0, deprecateEof: false }), RangeError);
  // a result's warnings are counted in its final EOF / OK
  const warned = { ...result, warnings: [{ level: 'Warning' as const, code: 1105, message: 'w' }] };
  assert.deepEqual([...encodeQueryResult(warned, { statusFlags: 2, deprecateEof: false }).at(-1)!], [0xfe, 1, 0, 2, 0]);
  assert.equal(decodeOk(encodeQueryResult(warned, { statusFlags: 2, deprecateEof: true }).at(-1)!).warnings, 1);
});

test('command decoding', () => {
  assert.deepEqual(decodeCommand(Buffer.from([0x01])), { type: 'quit' });
  assert.deepEqual(decodeCommand(Buffer.concat([Buffer.from([0x03]), Buffer.from('select 1; select 2')])), { type: 'query', sql: 'select 1; select 2' });
  assert.deepEqual(decodeCommand(Buffer.concat([Buffer.from([0x02]), Buffer.from('db')])), { type: 'init_db', database: 'db' });
  assert.deepEqual(decodeCommand(Buffer.from([0x1b, 1, 0])), { type: 'set_option', option: 1 });
  assert.deepEqual(decodeCommand(Buffer.from([0x0e])), { type: 'ping' });
  assert.deepEqual(decodeCommand(Buffer.from([0x09])), { type: 'statistics' });
  assert.deepEqual(decodeCommand(Buffer.from([0x1f])), { type: 'reset_connection' });
  assert.deepEqual(decodeCommand(Buffer.from([0x04, 0x74, 0])), { type: 'field_list', table: 't', wildcard: '' });
  assert.deepEqual(decodeCommand(Buffer.from([0x20])), { type: 'other', code: 0x20 });
  assert.throws(() => decodeCommand(Buffer.alloc(0)), MalformedPacketError);
  assert.throws(() => decodeCommand(Buffer.from([0x1b])), MalformedPacketError);
});

test('text rows are sized exactly: NULL, empty, multi-byte, and every length-prefix width', () => {
  const values = [null, '', 'abc', '表情😀', 'x'.repeat(250), 'y'.repeat(251), 'z'.repeat(70_000), '✓'.repeat(6_000_000)];
  const expected = new PayloadWriter(16);
  for (const v of values) {
    if (v === null) expected.u8(0xfb);
    else expected.lenencString(v);
  }
  const row = encodeTextRow(values);
  assert.ok(row.equals(expected.finish()));
  const r = new PayloadReader(row);
  assert.equal(r.u8(), 0xfb);
  assert.deepEqual([r.lenencString(), r.lenencString(), r.lenencString()], ['', 'abc', '表情😀']);
  assert.equal(encodeTextRow([]).length, 0);
});

test('generateScramble: 20 bytes without NUL or $, different every time (pooled randomness used once)', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 500; i++) {
    const s = generateScramble();
    assert.equal(s.length, 20);
    assert.ok(!s.includes(0) && !s.includes(0x24));
    seen.add(s.toString('hex'));
  }
  assert.equal(seen.size, 500);
  const a = generateScramble();
  const copy = Buffer.from(a);
  for (let i = 0; i < 200; i++) generateScramble();
  assert.ok(a.equals(copy), 'a handed-out scramble is never overwritten by a pool refill');
});
