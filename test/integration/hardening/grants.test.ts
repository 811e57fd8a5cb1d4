// Issue 6 item 4 against a real inceptor process with grants on: only admins change global settings and
// levels; `inception set session` is every user's own (it applies to that connection's later batches);
// password-valued variables show masked to everyone.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'mysql2/promise';
import { directConnection, freshDatabase, testDb } from '../../support/mariadb.js';
import { connectTo, startInceptorProcess, type InceptorProcess } from '../../support/inceptor-process.js';

const DB = 'hardening_grants';
const BACKUP_SECRET = 'Zq9-backup-grants';
let inceptor: InceptorProcess;

before(async () => {
  await freshDatabase(DB);
  const c = await directConnection(DB);
  await c.query("create table t (id int primary key comment 'id') comment 't'");
  await c.end();
  inceptor = await startInceptorProcess(
    `skip_grant_table = false\n[inc]\nbackup_password = "${BACKUP_SECRET}"\n` +
      '[[users]]\nname = "boss"\npassword = "boss-pw"\nadmin = true\n[[users]]\nname = "alice"\npassword = "alice-pw"\n',
  );
});
after(() => inceptor.stop());

async function variable(c: Connection, name: string): Promise<string> {
  const [rows] = (await c.query(`inception get variables like '${name}'`)) as unknown as [{ Value: string }[]];
  return rows[0]!.Value;
}

/** The level of the `drop table` row of a check batch on this connection. */
async function dropTableLevel(c: Connection): Promise<number> {
  const db = await testDb();
  const [rows] = (await c.query(
    `/*--user=${db.user};--password=${db.password};--host=${db.host};--port=${db.port};--check=1;*/\n` +
      `inception_magic_start;\nuse ${DB};\ndrop table t;\ninception_magic_commit;`,
  )) as unknown as [{ sql: string; error_level: number }[]];
  return rows.find((r) => r.sql.startsWith('drop'))!.error_level;
}

const denied = (err: { errno?: number; message: string }) => err.errno === 1227 && /SUPER/.test(err.message);

test('a non-admin cannot change global settings or levels; set session is its own', async () => {
  const alice = await connectTo(inceptor, 'alice', 'alice-pw');
  const other = await connectTo(inceptor, 'alice', 'alice-pw');
  const boss = await connectTo(inceptor, 'boss', 'boss-pw');
  try {
    await assert.rejects(alice.query('inception set enable_drop_table = 1'), denied);
    await assert.rejects(alice.query('inception set global enable_drop_table = 1'), denied);
    await assert.rejects(alice.query('inception set level er_cant_drop_table = 0'), denied);
    assert.equal(await variable(boss, 'enable_drop_table'), 'false', 'nothing changed globally');
    assert.equal(await dropTableLevel(alice), 2);

    await alice.query('inception set session enable_drop_table = 1');
    assert.equal(await variable(alice, 'enable_drop_table'), 'true', 'alice sees her own value');
    assert.equal(await variable(other, 'enable_drop_table'), 'false', 'her other connection does not');
    assert.equal(await variable(boss, 'enable_drop_table'), 'false');
    assert.equal(await dropTableLevel(alice), 0, "alice's later batches run with it");
    assert.equal(await dropTableLevel(other), 2);

    await boss.query('inception set enable_drop_table = 1');
    assert.equal(await variable(other, 'enable_drop_table'), 'true', 'an admin changes it for everyone');
    await boss.query('inception set enable_drop_table = 0');
  } finally {
    await Promise.all([alice.end(), other.end(), boss.end()]);
  }
});

test('password-valued variables are masked for admins and non-admins alike', async () => {
  for (const [user, password] of [['alice', 'alice-pw'], ['boss', 'boss-pw']]) {
    const c = await connectTo(inceptor, user, password);
    try {
      assert.equal(await variable(c, 'backup_password'), '***', user);
    } finally {
      await c.end();
    }
  }
});
