import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeBinaryResult, encodeBinaryRow, parseExecute } from '../../../src/protocol/prepared.js';
import { PayloadReader } from '../../../src/protocol/buffers.js';
import { ColumnType } from '../../../src/protocol/result.js';

test('COM_STMT_EXECUTE parameters: null bitmap, bound types, integers, strings, datetime, long data', () => {
  const payload = Buffer.concat([
    Buffer.from([0x17, 7, 0, 0, 0, 0, 1, 0, 0, 0]),
    Buffer.from([0b00000010]), // second parameter NULL
    Buffer.from([1]),
    Buffer.from([ColumnType.LONGLONG, 0x80, ColumnType.VAR_STRING, 0, ColumnType.VAR_STRING, 0, ColumnType.DATETIME, 0, ColumnType.TINY, 0, ColumnType.BLOB, 0]),
    Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
    Buffer.from([3, 0x61, 0x62, 0x63]),
    Buffer.from([7, 0xe8, 0x07, 11, 22, 6, 44, 5]),
    Buffer.from([0xfe]),
  ]);
  const req = parseExecute(payload, 6, null, new Map([[5, Buffer.from('long')]]));
  assert.equal(req.statementId, 7);
  assert.deepEqual(req.params.map((p) => (Buffer.isBuffer(p) ? p.toString() : p)), [18446744073709551615n, null, 'abc', '2024-11-22 06:44:05', -2, 'long']);
  // a later execute without new types reuses them
  const again = parseExecute(Buffer.from([0x17, 7, 0, 0, 0, 0, 1, 0, 0, 0, 0b00111111, 0]), 6, req.types, new Map());
  assert.deepEqual(again.params, [null, null, null, null, null, null]);
  assert.throws(() => parseExecute(Buffer.from([0x17, 7, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0]), 1, null, new Map()));
});

test('binary rows: NULL bitmap at offset 2, fixed-width integers, strings length-encoded', () => {
  const columns = [
    { name: 'a', type: ColumnType.LONGLONG },
    { name: 'b', type: ColumnType.VAR_STRING },
    { name: 'c', type: ColumnType.LONG },
  ] as const;
  const row = encodeBinaryRow(columns, ['-1', null, '7']);
  assert.deepEqual([...row], [0x00, 0b00001000, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 7, 0, 0, 0]);
  // a value that does not fit its integer type turns the column into a string column
  const out = encodeBinaryResult({ kind: 'rows', columns: [{ name: 'n', type: ColumnType.LONG }], rows: [['99999999999'], ['x']] }, { statusFlags: 2, deprecateEof: false });
  const def = new PayloadReader(out[1]!);
  for (let i = 0; i < 6; i++) def.lenencString();
  def.lenencInt();
  def.u16();
  def.u32();
  assert.equal(def.u8(), ColumnType.VAR_STRING);
  assert.deepEqual([...out[3]!], [0x00, 0x00, 11, ...Buffer.from('99999999999')]);
});
