// A text of several compat statements from a client with CLIENT_MULTI_STATEMENTS gets one result per
// statement (SERVER_MORE_RESULTS_EXISTS on all but the last), as MySQL answers it; anything else keeps the
// one-result-set path through the query handler.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import mysql from 'mysql2/promise';
import { startServer, type Started } from './harness.js';
import { CLIENT_CAPS, RawClient } from './raw-client.js';
import { Capability, Command, ServerStatus, SetOption } from '../../../src/protocol/constants.js';
import { decodeErr, decodeOk } from '../../../src/protocol/responses.js';
import type { Packet } from '../../../src/protocol/framing.js';

const OK = 0x00;
const EOF = 0xfe;
const ERR = 0xff;

/** Reads one text result set (without DEPRECATE_EOF): column count, defs, EOF, rows, EOF. */
async function readResultSet(c: RawClient): Promise<{ packets: Packet[]; rows: Buffer[]; endFlags: number }> {
  const packets: Packet[] = [await c.read()];
  const width = packets[0]!.payload[0]!;
  for (let i = 0; i < width; i++) packets.push(await c.read());
  const eof1 = await c.read();
  packets.push(eof1);
  assert.equal(eof1.payload[0], EOF);
  const rows: Buffer[] = [];
  for (;;) {
    const p = await c.read();
    packets.push(p);
    if (p.payload[0] === EOF && p.payload.length < 9) return { packets, rows, endFlags: p.payload.readUInt16LE(3) };
    rows.push(p.payload);
  }
}

function textValue(row: Buffer): string {
  return row.subarray(1, 1 + row[0]!).toString('utf8');
}

describe('multi-statement compat texts', () => {
  let s: Started;
  before(async () => {
    s = await startServer();
  });
  after(async () => {
    await s.close();
  });

  test('raw client: OK, result set, OK with MORE_RESULTS_EXISTS on all but the last, one sequence across them', async () => {
    const c = await RawClient.login(s.port);
    const before = s.seen.length;
    c.command(Command.QUERY, 'SET autocommit=0; SELECT @@autocommit AS a; SET NAMES utf8');
    const ok1 = await c.read();
    assert.equal(ok1.payload[0], OK);
    assert.equal(ok1.sequenceId, 1);
    const f1 = decodeOk(ok1.payload).statusFlags;
    assert.equal(f1 & ServerStatus.MORE_RESULTS_EXISTS, ServerStatus.MORE_RESULTS_EXISTS);
    assert.equal(f1 & ServerStatus.AUTOCOMMIT, 0, 'status after SET autocommit=0');
    const rs = await readResultSet(c);
    assert.deepEqual(rs.packets.map((p) => p.sequenceId), [2, 3, 4, 5, 6]);
    assert.deepEqual(rs.rows.map(textValue), ['0']);
    assert.equal(rs.endFlags & ServerStatus.MORE_RESULTS_EXISTS, ServerStatus.MORE_RESULTS_EXISTS);
    const ok3 = await c.read();
    assert.equal(ok3.payload[0], OK);
    assert.equal(ok3.sequenceId, 7);
    assert.equal(decodeOk(ok3.payload).statusFlags & ServerStatus.MORE_RESULTS_EXISTS, 0, 'the last result ends the response');
    assert.equal(s.seen.length, before, 'answered locally');
    c.command(Command.PING);
    assert.equal((await c.read()).payload[0], OK, 'nothing left over on the wire');
    c.destroy();
  });

  test('raw client: the first error ends the response; statements after it do not run', async () => {
    const c = await RawClient.login(s.port);
    c.command(Command.QUERY, 'set sql_mode=ANSI; select @@nope; set autocommit=0');
    const ok = await c.read();
    assert.equal(decodeOk(ok.payload).statusFlags & ServerStatus.MORE_RESULTS_EXISTS, ServerStatus.MORE_RESULTS_EXISTS);
    const err = await c.read();
    assert.equal(err.payload[0], ERR);
    assert.equal(err.sequenceId, 2);
    assert.equal(decodeErr(err.payload).code, 1193);
    c.command(Command.QUERY, 'select @@autocommit, @@sql_mode');
    const rs = await readResultSet(c);
    assert.deepEqual(rs.rows.map((r) => textValue(r)), ['1'], 'autocommit untouched, the first column is 1');
    assert.match(rs.rows[0]!.toString('utf8'), /ANSI/, 'the statement before the error ran');
    c.destroy();
  });

  test('raw client without CLIENT_MULTI_STATEMENTS, or after COM_SET_OPTION off: the text goes to the handler', async () => {
    const c = await RawClient.login(s.port, 'root', '', CLIENT_CAPS & ~Capability.MULTI_STATEMENTS);
    const before = s.seen.length;
    c.command(Command.QUERY, 'SET autocommit=0; SET sql_mode=ANSI');
    const rs = await readResultSet(c);
    assert.equal(rs.endFlags & ServerStatus.MORE_RESULTS_EXISTS, 0);
    assert.equal(s.seen.length, before + 1);
    assert.equal(s.seen.at(-1)!.sql, 'SET autocommit=0; SET sql_mode=ANSI');
    c.destroy();

    const d = await RawClient.login(s.port);
    const option = Buffer.alloc(2);
    option.writeUInt16LE(SetOption.MULTI_STATEMENTS_OFF);
    d.command(Command.SET_OPTION, option);
    assert.equal((await d.read()).payload[0], EOF);
    d.command(Command.QUERY, 'SET autocommit=0; SET sql_mode=ANSI');
    await readResultSet(d);
    assert.equal(s.seen.length, before + 2, 'handled as one text');
    option.writeUInt16LE(SetOption.MULTI_STATEMENTS_ON);
    d.command(Command.SET_OPTION, option);
    assert.equal((await d.read()).payload[0], EOF);
    d.command(Command.QUERY, 'SET autocommit=0; SET sql_mode=ANSI');
    const first = await d.read();
    assert.equal(decodeOk(first.payload).statusFlags & ServerStatus.MORE_RESULTS_EXISTS, ServerStatus.MORE_RESULTS_EXISTS);
    assert.equal((await d.read()).payload[0], OK);
    assert.equal(s.seen.length, before + 2, 'answered locally again');
    d.destroy();
  });

  test('mysql2 multipleStatements: one result per statement; a batch or a mixed text is still one result set', async () => {
    const c = await mysql.createConnection({ host: '127.0.0.1', port: s.port, user: 'root', multipleStatements: true, database: 'db1' });
    const before = s.seen.length;
    const [results] = (await c.query("SET autocommit=0, sql_mode='ANSI'; SELECT @@autocommit AS a, DATABASE() AS d; USE db2; SHOW VARIABLES LIKE 'sql\\_mode'; SELECT DATABASE() AS d")) as unknown as [unknown[]];
    assert.equal(results.length, 5);
    assert.equal((results[0] as mysql.ResultSetHeader).affectedRows, 0);
    assert.deepEqual(results[1], [{ a: 0, d: 'db1' }]);
    assert.deepEqual(results[3], [{ Variable_name: 'sql_mode', Value: 'ANSI' }]);
    assert.deepEqual(results[4], [{ d: 'db2' }]);
    assert.equal(s.seen.length, before, 'answered locally');
    assert.equal(s.registry.get(c.threadId!)!.db, 'db2', 'USE inside the text moved the session');

    const batch = '/*--user=u;--password=p;--host=127.0.0.1;--port=3306;--check=1;*/ inception_magic_start; use test; inception_magic_commit;';
    const [batchRows] = (await c.query(batch)) as unknown as [Record<string, unknown>[]];
    assert.ok(Array.isArray(batchRows) && !Array.isArray(batchRows[0]), 'one result set');
    assert.equal(s.seen.at(-1)!.sql, batch);
    await c.query('set autocommit=1; whoami');
    assert.equal(s.seen.at(-1)!.sql, 'set autocommit=1; whoami', 'a text with a foreign statement goes whole to the handler');
    const [[row]] = (await c.query('select @@autocommit a')) as unknown as [[{ a: number }]];
    assert.equal(row.a, 0, 'the mixed text changed nothing locally');
    await c.end();
  });
});
