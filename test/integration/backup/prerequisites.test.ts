// Backup refuses to run anything it could not roll back: backup server unreachable or not writable, target binlog
// not readable. Each refusal is a clear message and leaves the target untouched.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { directConnection, freePort, freshDatabase } from '../../support/mariadb.js';
import { backupHarness, type BackupHarness } from './support.js';
import { backupDbName } from '../../../src/backup/name.js';

const DB = 'bk_prereq';
let h: BackupHarness;

before(async () => {
  h = await backupHarness();
  await freshDatabase(DB);
  const c = await directConnection(DB);
  await c.query('create table t (id int primary key, a int)');
  await c.query('insert into t values (1, 0)');
  await c.query("create or replace user 'bk_nothing'@'%' identified by 'pw'");
  await c.query("create or replace user 'bk_target'@'%' identified by 'pw'");
  await c.query(`grant all on \`${DB}\`.* to 'bk_target'@'%'`);
  await c.end();
});

after(async () => {
  const c = await directConnection();
  await c.query(`drop database if exists \`${DB}\``);
  await c.query(`drop database if exists \`${backupDbName(h.db.host, h.db.port, DB)}\``);
  await c.query("drop user if exists 'bk_nothing'@'%'");
  await c.query("drop user if exists 'bk_target'@'%'");
  await c.end();
});

async function unchanged(): Promise<void> {
  const c = await directConnection(DB);
  const [rows] = await c.query('select a from t where id = 1');
  await c.end();
  assert.deepEqual(rows, [{ a: 0 }], 'nothing ran on the target');
}

function withInc<T>(over: Record<string, unknown>, body: () => Promise<T>): Promise<T> {
  const inc = h.harness.settings.inc as unknown as Record<string, unknown>;
  const saved = Object.fromEntries(Object.keys(over).map((k) => [k, inc[k]]));
  Object.assign(inc, over);
  return body().finally(() => Object.assign(inc, saved));
}

test('backup server unreachable: refused on the start row, nothing runs', async () => {
  const port = await freePort();
  const rows = await withInc({ backup_port: port }, () => h.run(DB, ['update t set a = 1 where id = 1']));
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.sql, 'inception_magic_start');
  assert.equal(rows[0]!.error_level, '2');
  assert.match(rows[0]!.error_message!, new RegExp(`^Backup server 127\\.0\\.0\\.1:${port} is not reachable: .*ECONNREFUSED`));
  await unchanged();
});

test('backup user without privileges: execution refused on the first row, nothing runs', async () => {
  const rows = await withInc({ backup_user: 'bk_nothing', backup_password: 'pw' }, () => h.run(DB, ['update t set a = 2 where id = 1']));
  assert.equal(rows[0]!.error_level, '2');
  assert.match(rows[0]!.error_message!, /^Backup server cannot store the rollback \(127_0_0_1_\d+_bk_prereq\): .*denied/);
  assert.ok(rows.every((r) => r.stage === 'CHECKED'), 'no row executed');
  await unchanged();
});

test('backup_host unset: Invalid remote backup information on the start row', async () => {
  const rows = await withInc({ backup_host: '' }, () => h.run(DB, ['update t set a = 3 where id = 1']));
  assert.deepEqual([rows.length, rows[0]!.error_message], [1, 'Invalid remote backup information.']);
  await unchanged();
});

test('target user that cannot read the binlog: refused on the start row', async () => {
  const text =
    `/*--user='bk_target';--password='pw';--host='${h.db.host}';--port=${h.db.port};--execute=1;--backup=1;--ignore-warnings=1;*/\n` +
    `inception_magic_start;\nuse ${DB};\nupdate t set a = 4 where id = 1;\ninception_magic_commit;`;
  const result = await h.harness.run(text);
  assert.equal(result.kind, 'rows');
  if (result.kind !== 'rows') return;
  assert.equal(result.rows.length, 1);
  assert.equal(result.rows[0]![2], '2');
  assert.match(String(result.rows[0]![4]), /binlog|BINLOG MONITOR|REPLICATION/i);
  await unchanged();
});
