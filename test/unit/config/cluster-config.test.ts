// `[status]` and `[cluster]`: defaults, and the combinations that stop start-up with file, line and key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, defaultConfig, isHostPort, parseConfig } from '../../../src/config/config.js';

function errorOf(text: string): string {
  try {
    parseConfig(text, 'cfg.toml');
  } catch (err) {
    assert.ok(err instanceof ConfigError, String(err));
    return err.message;
  }
  assert.fail('expected a ConfigError');
}

test('defaults: standalone, status server off, the documented lease timings', () => {
  const c = defaultConfig();
  assert.deepEqual([c.status.report_status, c.status.status_host, c.status.status_port], [false, '0.0.0.0', 10080]);
  assert.equal(c.cluster.enable, false);
  assert.equal(c.cluster.store_db, 'inceptor_cluster');
  assert.deepEqual([c.cluster.lease_seconds, c.cluster.heartbeat_seconds, c.cluster.fence_seconds], [43200, 30, 21600]);
  assert.deepEqual([c.cluster.max_server_id, c.cluster.forward_timeout_ms], [1023, 2000]);
  assert.equal(c.inceptor.local_id_bits, 20);
});

test('a complete cluster section loads; [status] keys of TiDB we do not read are accepted silently', () => {
  const loaded = parseConfig(
    ['[status]', 'report-status = true', 'status-host = "127.0.0.1"', 'status-port = 10081', 'metrics-interval = 15',
      '[cluster]', 'enable = true', 'store_host = "db1"', 'secret = "k"', 'advertise_address = "10.0.0.5:10081"',
      'lease_seconds = 20', 'fence_seconds = 10', 'max_server_id = 2047'].join('\n'),
    'cfg.toml',
  );
  assert.deepEqual(loaded.warnings, []);
  assert.deepEqual(loaded.ignoredKeys, []);
  assert.equal(loaded.config.status.status_host, '127.0.0.1');
  assert.equal(loaded.config.cluster.max_server_id, 2047);
});

test('enable without a secret names the secret line, or enable when the key is absent', () => {
  assert.equal(
    errorOf('[status]\nreport-status = true\n[inc]\nbackup_host = "db"\n[cluster]\nenable = true\n'),
    'cfg.toml:6: [cluster] enable: a shared secret is required when enable = true',
  );
  assert.equal(
    errorOf('[status]\nreport-status = true\n[inc]\nbackup_host = "db"\n[cluster]\nenable = true\nsecret = ""\n'),
    'cfg.toml:7: [cluster] secret: a shared secret is required when enable = true',
  );
});

test('enable without a store (neither store_host nor [inc] backup_host)', () => {
  assert.match(errorOf('[status]\nreport-status = true\n[cluster]\nenable = true\nsecret = "k"\n'), /^cfg\.toml:4: \[cluster\] enable: enable = true needs a coordination store/);
  assert.doesNotThrow(() => parseConfig('[status]\nreport-status = true\n[inc]\nbackup_host = "db"\n[cluster]\nenable = true\nsecret = "k"\n'));
});

test('enable without the status server', () => {
  assert.equal(
    errorOf('[cluster]\nenable = true\nsecret = "k"\nstore_host = "db"\n'),
    'cfg.toml:2: [cluster] enable: enable = true needs [status] report-status = true (peers forward KILLs to the status port)',
  );
});

test('fence above lease / 2, and an advertise address that is not host:port', () => {
  assert.equal(
    errorOf('[cluster]\nlease_seconds = 10\nfence_seconds = 6\n'),
    'cfg.toml:3: [cluster] fence_seconds: must be at most lease_seconds / 2 (5), got 6',
  );
  assert.match(errorOf('[cluster]\nlease_seconds = 100\n'), /^cfg\.toml:2: \[cluster\] lease_seconds: must be at most/);
  assert.equal(
    errorOf('[cluster]\n\nadvertise_address = "10.0.0.5"\n'),
    'cfg.toml:3: [cluster] advertise_address: expected host:port, got "10.0.0.5"',
  );
  assert.match(errorOf('[cluster]\nmax_server_id = 4096\n'), /^cfg\.toml:2: \[cluster\] max_server_id: /);
});

test('host:port shapes', () => {
  for (const ok of ['a:1', '10.1.2.3:10080', '[::1]:4000', 'inceptor-2.svc:65535']) assert.equal(isHostPort(ok), true, ok);
  for (const bad of ['', 'a', ':1', 'a:0', 'a:65536', 'a:b', '::1:4000', 'a b:1']) assert.equal(isHostPort(bad), false, bad);
});
