// The private MariaDB is what rollback needs: ROW binlog with full images and annotate events, real passwords.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import mysql from 'mysql2/promise';
import { directConnection, testDb } from '../../support/mariadb.js';

test('the test MariaDB logs ROW binlog with FULL images', async () => {
  const conn = await directConnection();
  try {
    const [rows] = await conn.query(
      "SHOW VARIABLES WHERE Variable_name IN ('log_bin','binlog_format','binlog_row_image','binlog_annotate_row_events')",
    );
    const vars = Object.fromEntries((rows as { Variable_name: string; Value: string }[]).map((r) => [r.Variable_name, r.Value]));
    assert.deepEqual(vars, { binlog_annotate_row_events: 'ON', binlog_format: 'ROW', binlog_row_image: 'FULL', log_bin: 'ON' });
  } finally {
    await conn.end();
  }
});

test('the test MariaDB checks passwords', async () => {
  const db = await testDb();
  await assert.rejects(mysql.createConnection({ ...db, password: 'wrong' }), (err: { errno?: number }) => err.errno === 1045);
});
