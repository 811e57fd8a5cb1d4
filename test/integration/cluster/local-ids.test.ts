// The local-id allocator through a real listener with `[inceptor] local_id_bits = 3` (7 ids): a released id
// does not come back until the counter has gone round, and the eighth client gets 1040 (docs/kill.md, "Ids").

import { test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import type mysql from 'mysql2/promise';
import { defaultConfig } from '../../../src/config/config.js';
import { startInceptor } from '../../../src/inceptor.js';
import { decodeConnectionId } from '../../../src/process/connection-id.js';
import { connectTo, handshakeId, mysqlErrorOf } from '../kill/helpers.js';

test('3-bit local ids: reuse only after the counter wraps, exhaustion answers 1040', async () => {
  const config = defaultConfig();
  config.host = '127.0.0.1';
  config.port = 0;
  config.inceptor.local_id_bits = 3;
  const inceptor = await startInceptor({ config, logger: pino({ level: 'silent' }) });
  const conns: mysql.Connection[] = [];
  const open = async () => {
    const c = await connectTo(inceptor.port);
    conns.push(c);
    return decodeConnectionId(handshakeId(c))!.localId;
  };
  try {
    assert.deepEqual([await open(), await open()], [1, 2]);
    const first = conns.shift()!;
    await first.end();
    // wait until the server has released id 1
    for (let i = 0; i < 100 && inceptor.registry.size > 1; i++) await new Promise((r) => setTimeout(r, 20));
    const later: number[] = [];
    for (let i = 0; i < 6; i++) later.push(await open());
    assert.deepEqual(later, [3, 4, 5, 6, 7, 1], 'the released id 1 comes back only after 3..7');
    await assert.rejects(connectTo(inceptor.port), mysqlErrorOf(1040, 'Too many connections'));
  } finally {
    await Promise.all(conns.map((c) => c.end().catch(() => undefined)));
    await inceptor.close();
  }
});
