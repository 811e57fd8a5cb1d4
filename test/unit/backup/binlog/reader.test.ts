// The binlog reader on synthetic events (docs/binlog.md): MySQL attribution (thread id of BEGIN, or GTID) while
// another session's transactions share the range, statement ends, FULL-metadata column names, and row-image
// decoding of types whose byte layouts are easy to get wrong. MySQL itself is not installable here, so its event
// streams are built byte by byte as MySQL writes them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RollbackReader } from '../../../../src/backup/binlog/reader.js';
import { decimalDecoder } from '../../../../src/backup/binlog/rows.js';
import { EventType, ColumnTypeCode as T } from '../../../../src/backup/binlog/events.js';
import { TimeZone } from '../../../../src/backup/rollback/literal.js';
import type { DmlStatementCapture, RollbackEvent, TableLayout } from '../../../../src/backup/types.js';

const FILE = 'mysql-bin.000007';

/** Builds a stream of events with consecutive positions, as a dump from position `start` would deliver them. */
class Stream {
  readonly events: Buffer[] = [];
  position: number;
  constructor(start: number) {
    this.position = start;
    const body = Buffer.concat([u64(start), Buffer.from(FILE)]);
    this.events.push(Buffer.concat([header(EventType.ROTATE, body.length, 0), body])); // artificial rotate
  }
  add(type: number, body: Buffer): number {
    const length = 19 + body.length;
    this.position += length;
    this.events.push(Buffer.concat([header(type, length - 19, this.position), body]));
    return this.position;
  }
}

function header(type: number, bodyLength: number, nextPosition: number): Buffer {
  const h = Buffer.alloc(19);
  h.writeUInt32LE(1700000000, 0);
  h[4] = type;
  h.writeUInt32LE(1, 5);
  h.writeUInt32LE(19 + bodyLength, 9);
  h.writeUInt32LE(nextPosition, 13);
  return h;
}

const u8 = (n: number) => Buffer.from([n]);
const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};
const u48 = (n: number) => {
  const b = Buffer.alloc(6);
  b.writeUIntLE(n, 0, 6);
  return b;
};
const u64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
};

const SID = Buffer.from('3e11fa4771ca11e19e33c80aa9429562', 'hex');

function gtid(gno: number): Buffer {
  return Buffer.concat([u8(1), SID, u64(gno), u8(2), u64(0), u64(0)]);
}

function query(threadId: number, text: string): Buffer {
  return Buffer.concat([u32(threadId), u32(0), u8(1), u16(0), u16(0), Buffer.from('d'), u8(0), Buffer.from(text)]);
}

/** TABLE_MAP for `d`.`t` (id INT, v VARCHAR(20)), optionally with FULL metadata column names. */
function tableMap(tableId: number, names?: string[]): Buffer {
  const parts = [u48(tableId), u16(1), u8(1), Buffer.from('d'), u8(0), u8(1), Buffer.from('t'), u8(0), u8(2), Buffer.from([T.LONG, T.VARCHAR]), u8(2), u16(80), u8(0b10)];
  if (names) {
    const list = Buffer.concat(names.map((n) => Buffer.concat([u8(n.length), Buffer.from(n)])));
    parts.push(u8(4), u8(list.length), list);
  }
  return Buffer.concat(parts);
}

function writeRows(tableId: number, rows: [number, string | null][], end = true): Buffer {
  const images = rows.map(([id, v]) =>
    Buffer.concat([u8(v === null ? 0b10 : 0), (() => { const b = Buffer.alloc(4); b.writeInt32LE(id); return b; })(), v === null ? Buffer.alloc(0) : Buffer.concat([u8(Buffer.byteLength(v)), Buffer.from(v)])]),
  );
  return Buffer.concat([u48(tableId), u16(end ? 1 : 0), u16(2), u8(2), u8(0b11), ...images]);
}

const LAYOUT: TableLayout = {
  db: 'd',
  name: 't',
  columns: [
    { name: 'id', columnType: 'int(11)', collation: null, nullable: false, generated: false },
    { name: 'v', columnType: 'varchar(20)', collation: 'utf8mb4_general_ci', nullable: true, generated: false },
  ],
  keyColumns: ['id'],
};

function capture(rowIndex: number, start: number, end: number, threadId: number, gtidText: string | null, affectedRows: number): DmlStatementCapture {
  return {
    rowIndex,
    start: { file: FILE, position: start },
    end: { file: FILE, position: end },
    gtid: gtidText,
    threadId,
    ordinalInTransaction: 0,
    affectedRows,
    tables: [LAYOUT],
    mainTable: { db: 'd', name: 't' },
  };
}

function run(statements: DmlStatementCapture[], events: Buffer[], flavor: 'mysql' | 'mariadb' = 'mysql'): RollbackEvent[] {
  const reader = new RollbackReader(statements, { flavor, minimalRollback: false, hexBlob: false }, new TimeZone('+00:00'));
  const out: RollbackEvent[] = [];
  reader.finishEmpty();
  out.push(...reader.take());
  for (const e of events) {
    reader.onEvent(e);
    out.push(...reader.take());
    if (reader.done) break;
  }
  return out;
}

/** Our transaction (thread 10) between two of another session's (thread 99) on the same table. */
function interleaved(withGtid: boolean): { stream: Stream; start: number; end: number } {
  const start = 1000;
  const s = new Stream(start);
  const txn = (thread: number, gno: number, rows: [number, string | null][]) => {
    s.add(withGtid ? EventType.GTID : EventType.ANONYMOUS_GTID, gtid(withGtid ? gno : 0));
    s.add(EventType.QUERY, query(thread, 'BEGIN'));
    s.add(EventType.TABLE_MAP, tableMap(42));
    s.add(EventType.WRITE_ROWS_V2, writeRows(42, rows));
    s.add(EventType.XID, u64(gno));
  };
  txn(99, 5, [[100, 'theirs']]);
  txn(10, 6, [[1, "o'k"], [2, null]]);
  txn(99, 7, [[101, 'theirs too']]);
  return { stream: s, start, end: s.position };
}

// Without GTIDs, and with gtid_mode=ON but no GTID captured (what the stage captures on MySQL).
for (const withGtid of [false, true]) {
  test(`MySQL ${withGtid ? "with gtid_mode=ON, no GTID captured" : "without GTIDs"}: the thread id of BEGIN picks our transaction among others`, () => {
    const { stream, start, end } = interleaved(withGtid);
    const events = run([capture(1, start, end, 10, null, 2)], stream.events);
    assert.deepEqual(events, [
      { kind: 'statements', rowIndex: 1, db: 'd', table: 't', sql: ['DELETE FROM `d`.`t` WHERE `id`=1;', 'DELETE FROM `d`.`t` WHERE `id`=2;'] },
      { kind: 'done', rowIndex: 1, rows: 2 },
    ]);
  });
}

test('MySQL with gtid_mode=ON: the GTID picks our transaction even if the thread id is reused', () => {
  const { stream, start, end } = interleaved(true);
  const events = run([capture(1, start, end, 99, '3e11fa47-71ca-11e1-9e33-c80aa9429562:7', 1)], stream.events);
  assert.deepEqual(events, [
    { kind: 'statements', rowIndex: 1, db: 'd', table: 't', sql: ['DELETE FROM `d`.`t` WHERE `id`=101;'] },
    { kind: 'done', rowIndex: 1, rows: 1 },
  ]);
});

test('MySQL BEGIN with status variables as MySQL 8 writes them: the thread id is read from the fixed part', () => {
  // Status variables: Q_FLAGS2_CODE, Q_SQL_MODE_CODE, Q_CATALOG_NZ_CODE 'std', Q_CHARSET_CODE, Q_TIME_ZONE_CODE 'SYSTEM'.
  const status = Buffer.concat([
    u8(0), u32(0), u8(1), u64(0x4000000), u8(6), u8(3), Buffer.from('std'), u8(4), u16(255), u16(255), u16(255), u8(5), u8(6), Buffer.from('SYSTEM'),
  ]);
  const begin = (thread: number) => Buffer.concat([u32(thread), u32(0), u8(1), u16(0), u16(status.length), status, Buffer.from('d'), u8(0), Buffer.from('BEGIN')]);
  const s = new Stream(4);
  for (const [thread, gno, id] of [[77, 1, 500], [10, 2, 1], [77, 3, 501]] as const) {
    s.add(EventType.GTID, gtid(gno));
    s.add(EventType.QUERY, begin(thread));
    s.add(EventType.TABLE_MAP, tableMap(42));
    s.add(EventType.WRITE_ROWS_V2, writeRows(42, [[id, 'x']]));
    s.add(EventType.XID, u64(gno));
  }
  const events = run([capture(1, 4, s.position, 10, null, 1)], s.events);
  assert.deepEqual(events, [
    { kind: 'statements', rowIndex: 1, db: 'd', table: 't', sql: ['DELETE FROM `d`.`t` WHERE `id`=1;'] },
    { kind: 'done', rowIndex: 1, rows: 1 },
  ]);
});

test('MySQL: a TIMESTAMP in the repeated DST hour is written as a UTC literal with its offset', () => {
  const layout: TableLayout = {
    db: 'd', name: 't', keyColumns: ['id'],
    columns: [
      { name: 'id', columnType: 'int(11)', collation: null, nullable: false, generated: false },
      { name: 'ts', columnType: 'timestamp', collation: null, nullable: true, generated: false },
    ],
  };
  const map = Buffer.concat([u48(43), u16(1), u8(1), Buffer.from('d'), u8(0), u8(1), Buffer.from('t'), u8(0), u8(2), Buffer.from([T.LONG, T.TIMESTAMP2]), u8(1), u8(0), u8(0b10)]);
  const row = (id: number, seconds: number) => {
    const ts = Buffer.alloc(4);
    ts.writeUInt32BE(seconds);
    return Buffer.concat([u8(0), (() => { const b = Buffer.alloc(4); b.writeInt32LE(id); return b; })(), ts]);
  };
  const s = new Stream(4);
  s.add(EventType.ANONYMOUS_GTID, gtid(0));
  s.add(EventType.QUERY, query(10, 'BEGIN'));
  s.add(EventType.TABLE_MAP, map);
  // 2024-11-03 06:30Z is 01:30 EST, the second 01:30 of that night in New York; 12:00Z is unambiguous.
  s.add(EventType.DELETE_ROWS_V2, Buffer.concat([u48(43), u16(1), u16(2), u8(2), u8(0b11), row(1, 1730615400), row(2, 1730635200)]));
  s.add(EventType.XID, u64(1));
  const statement = { ...capture(1, 4, s.position, 10, null, 2), tables: [layout] };
  const reader = new RollbackReader([statement], { flavor: 'mysql', minimalRollback: false, hexBlob: false }, new TimeZone('America/New_York'));
  const out: RollbackEvent[] = [];
  for (const e of s.events) {
    reader.onEvent(e);
    out.push(...reader.take());
  }
  assert.deepEqual(out[0], {
    kind: 'statements', rowIndex: 1, db: 'd', table: 't',
    sql: ["INSERT INTO `d`.`t`(`id`,`ts`) VALUES(1,'2024-11-03 06:30:00+00:00');", "INSERT INTO `d`.`t`(`id`,`ts`) VALUES(2,'2024-11-03 07:00:00');"],
  });
});

test('a statement whose transaction is not in its range fails with a reason', () => {
  const { stream, start, end } = interleaved(false);
  const events = run([capture(3, start, end, 12345, null, 1)], stream.events);
  assert.equal(events.length, 1);
  assert.equal(events[0].kind, 'failed');
  assert.match((events[0] as { reason: string }).reason, /was not found in the binlog between mysql-bin\.000007:1000 and mysql-bin\.000007:\d+/);
});

test('FULL metadata names are cross-checked against the layout', () => {
  const s = new Stream(4);
  s.add(EventType.QUERY, query(10, 'BEGIN'));
  s.add(EventType.TABLE_MAP, tableMap(42, ['id', 'other']));
  s.add(EventType.WRITE_ROWS_V2, writeRows(42, [[1, 'x']]));
  s.add(EventType.XID, u64(1));
  const events = run([capture(1, 4, s.position, 10, null, 1)], s.events);
  assert.deepEqual(events, [{ kind: 'failed', rowIndex: 1, reason: 'columns do not match: d.t column 2 `v`: the binlog names it `other`' }]);

  const ok = new Stream(4);
  ok.add(EventType.QUERY, query(10, 'BEGIN'));
  ok.add(EventType.TABLE_MAP, tableMap(42, ['ID', 'v']));
  ok.add(EventType.WRITE_ROWS_V2, writeRows(42, [[1, 'x']]));
  ok.add(EventType.XID, u64(1));
  assert.equal(run([capture(1, 4, ok.position, 10, null, 1)], ok.events).at(-1)?.kind, 'done');
});

test('two statements of one transaction split at the statement-end flag', () => {
  const s = new Stream(4);
  s.add(EventType.QUERY, query(10, 'BEGIN'));
  s.add(EventType.TABLE_MAP, tableMap(42));
  s.add(EventType.WRITE_ROWS_V2, writeRows(42, [[1, 'a']], false));
  s.add(EventType.WRITE_ROWS_V2, writeRows(42, [[2, 'b']], true));
  s.add(EventType.TABLE_MAP, tableMap(42));
  s.add(EventType.WRITE_ROWS_V2, writeRows(42, [[3, 'c']], true));
  s.add(EventType.XID, u64(1));
  const first = { ...capture(1, 4, s.position, 10, null, 2) };
  const second = { ...capture(2, 4, s.position, 10, null, 1), ordinalInTransaction: 1 };
  const events = run([first, second], s.events).filter((e) => e.kind !== 'statements');
  assert.deepEqual(events, [
    { kind: 'done', rowIndex: 1, rows: 2 },
    { kind: 'done', rowIndex: 2, rows: 1 },
  ]);
});

test('binary DECIMAL decodes exactly (MySQL manual example and edge values)', () => {
  const decode = (hex: string, p: number, s: number) => decimalDecoder(p, s)(Buffer.from(hex, 'hex'), { at: 0 });
  // 1234567890.1234 as DECIMAL(14,4): 81 0D FB 38 D2 04 D2
  assert.equal(decode('810dfb38d204d2', 14, 4), '1234567890.1234');
  // -1234567890.1234: every byte inverted
  assert.equal(decode('7ef204c72dfb2d', 14, 4), '-1234567890.1234');
  assert.equal(decode('8000', 4, 0), '0');
  assert.equal(decode('800000', 5, 2), '0.00');
});

test('a SAVEPOINT inside a transaction does not end it (MySQL and MariaDB)', () => {
  const mysql = new Stream(4);
  mysql.add(EventType.ANONYMOUS_GTID, gtid(0));
  mysql.add(EventType.QUERY, query(10, 'BEGIN'));
  mysql.add(EventType.TABLE_MAP, tableMap(42));
  mysql.add(EventType.WRITE_ROWS_V2, writeRows(42, [[1, 'a']]));
  mysql.add(EventType.QUERY, query(10, 'SAVEPOINT `s1`'));
  mysql.add(EventType.TABLE_MAP, tableMap(42));
  mysql.add(EventType.WRITE_ROWS_V2, writeRows(42, [[2, 'b']]));
  mysql.add(EventType.XID, u64(1));
  const pair = (end: number, g: string | null) => [capture(1, 4, end, 10, g, 1), { ...capture(2, 4, end, 10, g, 1), ordinalInTransaction: 1 }];
  assert.deepEqual(
    run(pair(mysql.position, null), mysql.events).filter((e) => e.kind !== 'statements'),
    [
      { kind: 'done', rowIndex: 1, rows: 1 },
      { kind: 'done', rowIndex: 2, rows: 1 },
    ],
  );

  // MariaDB: GTID 0-1-8 is another session's, 0-1-9 ours; no BEGIN events, the GTID group is the transaction.
  const mariadbGtid = (seq: number, standalone = false) => Buffer.concat([u64(seq), u32(0), u8(standalone ? 1 : 0)]);
  const maria = new Stream(4);
  for (const [seq, id] of [
    [8, 100],
    [9, 1],
  ]) {
    maria.add(EventType.MARIADB_GTID, mariadbGtid(seq));
    maria.add(EventType.TABLE_MAP, tableMap(42));
    maria.add(EventType.WRITE_ROWS_V2, writeRows(42, [[id, 'a']]));
    maria.add(EventType.QUERY, query(10, 'SAVEPOINT `s1`'));
    maria.add(EventType.TABLE_MAP, tableMap(42));
    maria.add(EventType.WRITE_ROWS_V2, writeRows(42, [[id + 1, 'b']]));
    maria.add(EventType.XID, u64(seq));
  }
  maria.add(EventType.MARIADB_GTID, mariadbGtid(10, true));
  maria.add(EventType.QUERY, query(10, 'CREATE TABLE x (i int)'));
  const events = run(pair(maria.position, '0-1-9'), maria.events, 'mariadb');
  assert.deepEqual(events, [
    { kind: 'statements', rowIndex: 1, db: 'd', table: 't', sql: ['DELETE FROM `d`.`t` WHERE `id`=1;'] },
    { kind: 'done', rowIndex: 1, rows: 1 },
    { kind: 'statements', rowIndex: 2, db: 'd', table: 't', sql: ['DELETE FROM `d`.`t` WHERE `id`=2;'] },
    { kind: 'done', rowIndex: 2, rows: 1 },
  ]);
});
