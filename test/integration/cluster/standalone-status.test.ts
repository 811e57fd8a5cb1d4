// The status server of a standalone instance ([status] report-status = true, [cluster] enable = false):
// healthy and always ready, metrics say "standalone", and the cluster's internal endpoints do not exist.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { defaultConfig } from '../../../src/config/config.js';
import { startInceptor } from '../../../src/inceptor.js';
import { parsePrometheus, sampleValue } from '../../support/prometheus.js';
import { connectTo } from '../kill/helpers.js';

test('standalone: /healthz, /readyz, /metrics; no /internal endpoints; the cluster processlist lists this instance', async () => {
  const config = defaultConfig();
  config.host = '127.0.0.1';
  config.port = 0;
  config.status.report_status = true;
  config.status.status_host = '127.0.0.1';
  config.status.status_port = 0;
  config.inceptor.server_id = 7;
  const inceptor = await startInceptor({ config, logger: pino({ level: 'silent' }) });
  const base = `http://127.0.0.1:${inceptor.node.statusPort}`;
  const conn = await connectTo(inceptor.port);
  try {
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
    const ready = await fetch(`${base}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { ready: true, serverId: 7, state: 'standalone', reason: '' });
    assert.equal((await fetch(`${base}/internal/kill`, { method: 'POST', body: '{}' })).status, 404);
    const families = parsePrometheus(await (await fetch(`${base}/metrics`)).text());
    assert.equal(sampleValue(families, 'inceptor_lease_state', { state: 'standalone' }), 1);
    assert.equal(sampleValue(families, 'inceptor_server_id'), 7);
    assert.equal(sampleValue(families, 'inceptor_connections'), 1);
    const [rows] = await conn.query('inception show cluster processlist');
    assert.deepEqual((rows as Record<string, unknown>[]).map((r) => [r.INSTANCE, Number(r.SERVER_ID)]), [[`127.0.0.1:${inceptor.node.statusPort}`, 7]]);
  } finally {
    await conn.end();
    await inceptor.close();
  }
});
