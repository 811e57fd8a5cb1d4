// Issue 6 item 2 against a real inceptor process: COM_STMT_SEND_LONG_DATA is capped at max_allowed_packet per
// parameter and per statement; past it the execute answers MySQL's 1105 and the statement is usable again.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Command } from '../../../src/protocol/constants.js';
import { decodeErr } from '../../../src/protocol/responses.js';
import { startInceptorProcess, type InceptorProcess } from '../../support/inceptor-process.js';
import { RawClient } from '../server/raw-client.js';

const MAX = 1 << 20;
let inceptor: InceptorProcess;

before(async () => (inceptor = await startInceptorProcess(`[inc]\nmax_allowed_packet = ${MAX}\n`)));
after(() => inceptor.stop());

async function prepare(c: RawClient, sql: string): Promise<number> {
  c.command(Command.STMT_PREPARE, sql);
  const ok = (await c.read()).payload;
  assert.equal(ok[0], 0, 'prepare OK');
  const id = ok.readUInt32LE(1);
  const columns = ok.readUInt16LE(5);
  const params = ok.readUInt16LE(7);
  for (let i = 0; i < (params > 0 ? params + 1 : 0) + (columns > 0 ? columns + 1 : 0); i++) await c.read();
  return id;
}

function longData(c: RawClient, id: number, param: number, data: Buffer): void {
  const head = Buffer.alloc(6);
  head.writeUInt32LE(id, 0);
  head.writeUInt16LE(param, 4);
  c.command(Command.STMT_SEND_LONG_DATA, Buffer.concat([head, data]));
}

function execute(c: RawClient, id: number, params: number): void {
  const body = Buffer.alloc(4 + 1 + 4 + Math.ceil(params / 8) + 1 + 2 * params);
  body.writeUInt32LE(id, 0);
  body.writeUInt32LE(1, 5);
  body[9 + Math.ceil(params / 8)] = 1;
  for (let i = 0; i < params; i++) body.writeUInt16LE(0xfc, 10 + Math.ceil(params / 8) + 2 * i); // BLOB
  c.command(Command.STMT_EXECUTE, body);
}

test('one parameter past max_allowed_packet: the execute fails with 1105, then the statement works again', async () => {
  const c = await RawClient.login(inceptor.port);
  try {
    const id = await prepare(c, 'select ?');
    const chunk = Buffer.alloc(256 * 1024, 0x61);
    for (let i = 0; i < 5; i++) longData(c, id, 0, chunk);
    execute(c, id, 1);
    const err = decodeErr((await c.read(10_000)).payload);
    assert.deepEqual([err.code, err.sqlState], [1105, 'HY000']);
    assert.match(err.message, /longer than 'max_allowed_packet' bytes/);
    longData(c, id, 0, Buffer.from('small'));
    execute(c, id, 1);
    const again = await c.read(10_000);
    assert.notEqual(again.payload[0], 0xff, 'the statement executes after the failure');
  } finally {
    c.destroy();
  }
});

test('the statement total is capped too: two parameters each under the cap, together over it', async () => {
  const c = await RawClient.login(inceptor.port);
  try {
    const id = await prepare(c, 'select ?, ?');
    const chunk = Buffer.alloc(MAX / 2 + 1024, 0x62);
    longData(c, id, 0, chunk);
    longData(c, id, 1, chunk);
    execute(c, id, 2);
    const err = decodeErr((await c.read(10_000)).payload);
    assert.equal(err.code, 1105);
  } finally {
    c.destroy();
  }
});
