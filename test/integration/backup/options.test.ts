// Backup settings end to end through inceptor (docs/backup.md, docs/binlog.md): `hex_blob` and
// `enable_minimal_rollback` shape the stored statements, `backup_time` is filled per row, and a target whose
// binlog is STATEMENT-based with MINIMAL row images is fixed for the execute session at preflight, so its rollback
// is still exact.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import mysql from 'mysql2/promise';
import { freshDatabase, startPrivateMariaDb, type TestDb } from '../../support/mariadb.js';
import { archeryRollback, archeryRollbackOf, backupHarness } from './support.js';

let server: (TestDb & { stop: () => void }) | null = null;
after(() => server?.stop());

test('hex_blob and enable_minimal_rollback: binary values as X literals, UPDATE rollback sets only changed columns', async () => {
  const h = await backupHarness();
  Object.assign(h.harness.settings.inc, { hex_blob: true, enable_minimal_rollback: true });
  const database = await freshDatabase('bk_options');
  const conn = await mysql.createConnection({ ...h.db, database, charset: 'utf8mb4' });
  try {
    await conn.query('create table t (id int primary key, b blob, v varchar(10), n int)');
    await conn.query("insert into t values (1, X'00ff', 'a', 1), (2, 'text', 'b', 2)");
    const [before] = await conn.query('select id, hex(b) b, v, n from t order by id');
    const rows = await h.run(database, ["update t set n = n + 10 where id > 0", "delete from t where id = 2"]);
    for (const row of rows.slice(1, 3)) {
      assert.equal(row.stage_status, 'Execute Successfully\nBackup Successfully', `${row.sql}: ${row.error_message}`);
      assert.ok(Number(row.backup_time) >= 0 && row.backup_time !== null, `backup_time is filled: ${row.backup_time}`);
    }
    const update = await archeryRollbackOf(conn, rows[1]!);
    assert.deepEqual(update, ['UPDATE `bk_options`.`t` SET `n`=1 WHERE `id`=1;', 'UPDATE `bk_options`.`t` SET `n`=2 WHERE `id`=2;']);
    const del = await archeryRollbackOf(conn, rows[2]!);
    assert.deepEqual(del, ["INSERT INTO `bk_options`.`t`(`id`,`b`,`v`,`n`) VALUES(2,X'74657874','b',12);"]);
    for (const sql of await archeryRollback(conn, rows)) await conn.query(sql);
    const [restored] = await conn.query('select id, hex(b) b, v, n from t order by id');
    assert.deepEqual(restored, before);
  } finally {
    await conn.end();
  }
});

test('target with binlog_format=STATEMENT and binlog_row_image=MINIMAL: preflight fixes the session, the rollback is exact', async () => {
  const saved = process.env.EXTRA_MARIADBD_ARGS;
  process.env.EXTRA_MARIADBD_ARGS = `${saved ?? ''} --binlog-format=STATEMENT --binlog-row-image=MINIMAL`.trim();
  try {
    server = await startPrivateMariaDb();
  } finally {
    if (saved === undefined) delete process.env.EXTRA_MARIADBD_ARGS;
    else process.env.EXTRA_MARIADBD_ARGS = saved;
  }
  const db = { host: server.host, port: server.port, user: server.user, password: server.password };
  const admin = await mysql.createConnection(db);
  const [[globals]] = (await admin.query('select @@global.binlog_format f, @@global.binlog_row_image i')) as unknown as [[{ f: string; i: string }]];
  assert.deepEqual(globals, { f: 'STATEMENT', i: 'MINIMAL' });
  await admin.query('create database bk_fix');
  await admin.query('create table bk_fix.t (id int primary key, v varchar(10), n int)');
  await admin.query("insert into bk_fix.t values (1, 'a', 1), (2, 'b', 2), (3, 'c', 3)");
  const [before] = await admin.query('select * from bk_fix.t order by id');
  const h = await backupHarness({ db });
  const rows = await h.run('bk_fix', ["update t set v = concat(v, '!'), n = n * 2 where id < 3", 'delete from t where id = 3', "insert into t values (4, 'd', 4)"]);
  for (const row of rows.slice(1, 4)) assert.equal(row.stage_status, 'Execute Successfully\nBackup Successfully', `${row.sql}: ${row.error_message}`);
  for (const sql of await archeryRollback(admin, rows)) await admin.query(sql);
  const [restored] = await admin.query('select * from bk_fix.t order by id');
  assert.deepEqual(restored, before);
  await admin.end();
});
