// COM_STMT_PREPARE announces the result columns when they are knowable without side effects, and the batch
// Connector/ODBC re-prepares without its leading comment gets the comment back (raw protocol + mysql2).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import mysql from 'mysql2/promise';
import { PayloadReader } from '../../../src/protocol/buffers.js';
import { Command } from '../../../src/protocol/constants.js';
import { RESULT_COLUMNS, rowsToResult } from '../../../src/batch/result-set.js';
import { ResultRow } from '../../../src/rows/row.js';
import { startServer, trivialHandler, type Started } from './harness.js';
import { RawClient } from './raw-client.js';

const BATCH = '/*--user=u;--password=p;--host=127.0.0.1;--port=3306;--check=1;*/ inception_magic_start; use d; insert into t values(1); inception_magic_commit';

/** Sends COM_STMT_PREPARE and reads the whole response: statement id, columns announced, their names. */
async function prepare(c: RawClient, sql: string): Promise<{ id: number; columns: number; names: string[] }> {
  c.command(Command.STMT_PREPARE, sql);
  const ok = await c.read();
  assert.equal(ok.payload[0], 0, `PREPARE_OK expected, got ${ok.payload.toString('latin1')}`);
  const r = new PayloadReader(ok.payload, 1);
  const id = r.u32();
  const columns = r.u16();
  const params = r.u16();
  for (let i = 0; i < params; i++) await c.read();
  if (params > 0) await c.read(); // EOF (the raw client does not set CLIENT_DEPRECATE_EOF)
  const names: string[] = [];
  for (let i = 0; i < columns; i++) {
    const def = new PayloadReader((await c.read()).payload);
    for (let k = 0; k < 4; k++) def.lenencString();
    names.push(def.lenencString() ?? '');
  }
  if (columns > 0) assert.equal((await c.read()).payload[0], 0xfe, 'EOF after the column definitions');
  return { id, columns, names };
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

/** COM_STMT_EXECUTE without parameters; returns the column count of the response (0 for OK). */
async function execute(c: RawClient, id: number): Promise<number> {
  c.command(Command.STMT_EXECUTE, Buffer.concat([u32(id), Buffer.from([0]), u32(1)]));
  const first = await c.read();
  if (first.payload[0] === 0 || first.payload[0] === 0xff) return 0;
  const count = first.payload[0]!;
  // column definitions, EOF, rows until the final EOF
  for (let i = 0; i < count + 1; i++) await c.read();
  while ((await c.read()).payload[0] !== 0xfe);
  return count;
}

describe('prepared statements describe their result at prepare time', () => {
  let s: Started;
  before(async () => {
    s = await startServer({
      handleQuery: async (sql, session) => {
        if (/inception_magic_start/.test(sql)) return rowsToResult([new ResultRow('inception_magic_start')]);
        return trivialHandler(sql, session);
      },
    });
  });
  after(() => s.close());

  test('a batch announces the 13 audit columns and runs only at execute', async () => {
    const c = await RawClient.login(s.port);
    const before = s.seen.length;
    const p = await prepare(c, BATCH);
    assert.deepEqual(p.names, RESULT_COLUMNS.map((col) => col.name));
    assert.equal(s.seen.length, before, 'nothing ran at prepare');
    assert.equal(await execute(c, p.id), 13);
    assert.equal(s.seen.at(-1)!.sql, BATCH);
    c.destroy();
  });

  test('compat SELECTs and read-only local commands announce their columns; the rest announce none', async () => {
    const c = await RawClient.login(s.port);
    assert.deepEqual((await prepare(c, 'select @@version_comment limit 1')).names, ['@@version_comment']);
    const before = s.seen.length;
    // the harness handler stands in for the local command (3 columns); it may run at prepare time
    assert.equal((await prepare(c, "inception get variables like 'version'")).columns, 3);
    assert.equal(s.seen.length, before + 1);
    assert.equal((await prepare(c, "inception set osc_on = 1")).columns, 0);
    assert.equal((await prepare(c, 'update t set a = 1')).columns, 0);
    assert.equal((await prepare(c, 'select @@version_comment, ?')).columns, 0);
    assert.equal(s.seen.length, before + 1, 'statements with side effects never run at prepare');
    c.destroy();
  });

  test('prepare, close, prepare without the leading comment (Connector/ODBC) runs the batch with its comment', async () => {
    const c = await RawClient.login(s.port);
    const first = await prepare(c, BATCH);
    c.command(Command.STMT_CLOSE, u32(first.id));
    const stripped = BATCH.slice(BATCH.indexOf('inception_magic_start'));
    const second = await prepare(c, stripped);
    assert.equal(await execute(c, second.id), 13);
    assert.equal(s.seen.at(-1)!.sql, BATCH, 'the magic comment (the batch options) reached the handler');
    // without the close right before, the text is taken as written
    const third = await prepare(c, stripped);
    assert.equal(await execute(c, third.id), 13);
    assert.equal(s.seen.at(-1)!.sql, stripped);
    c.destroy();
  });

  test('mysql2 execute() reads a batch and a compat answer through prepared statements', async () => {
    const c = await mysql.createConnection({ host: '127.0.0.1', port: s.port, user: 'root' });
    const [rows, fields] = (await c.execute(BATCH)) as unknown as [Record<string, unknown>[], { name: string }[]];
    assert.equal(fields.length, 13);
    assert.equal(rows[0]!.sql, 'inception_magic_start');
    const [v] = (await c.execute('select @@version_comment limit 1')) as unknown as [Record<string, unknown>[]];
    assert.equal(typeof v[0]!['@@version_comment'], 'string');
    await c.end();
  });
});
