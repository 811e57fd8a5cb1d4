import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backupDbName } from '../../../src/backup/name.js';

test('host_port_db with . and - replaced', () => {
  assert.equal(backupDbName('127.0.0.1', 3306, 'test'), '127_0_0_1_3306_test');
  assert.equal(backupDbName('db-1.example.com', 3307, 'my-db'), 'db_1_example_com_3307_my_db');
});

test('names longer than 64 keep the last 64 characters, cut before replacing', () => {
  const host = 'rm-bp1234567890abcdefg.mysql.rds.aliyuncs.com.very.long.suffix.example';
  const name = backupDbName(host, 3306, 'orders');
  const raw = `${host}_3306_orders`;
  assert.equal(name.length, 64);
  assert.equal(name, raw.slice(raw.length - 64).replace(/[.-]/g, '_'));
  assert.ok(name.endsWith('_3306_orders'));
});

test('IPv6 colons are not replaced', () => {
  assert.equal(backupDbName('::1', 3306, 'd'), '::1_3306_d');
});
