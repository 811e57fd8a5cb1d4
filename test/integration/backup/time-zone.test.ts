// TIMESTAMP rollback under zones with daylight saving (docs/binlog.md, "Values"): a target whose SYSTEM zone is
// America/New_York, then the same server with tz tables loaded and its time_zone set to Europe/Berlin. Rows in
// winter and summer time, at the transition seconds, and in both passes through the hour a fall-back repeats go
// through inceptor with --backup=1; the rollback is read with Archery's queries and applied on a plain connection
// (the server's default zone, as Archery applies it), and every instant must be back to the second.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import mysql from 'mysql2/promise';
import { startPrivateMariaDb, type TestDb } from '../../support/mariadb.js';
import { archeryRollback, backupHarness, type BackupHarness } from './support.js';

let server: (TestDb & { stop: () => void }) | null = null;

before(async () => {
  // mariadbd takes its SYSTEM zone from TZ; only the server's environment gets it (restored at once).
  const saved = process.env.TZ;
  process.env.TZ = 'America/New_York';
  try {
    server = await startPrivateMariaDb();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
});

after(() => server?.stop());

/** UTC instants (seconds) around both transitions of 2024 in New York and Berlin, and in each period. */
const INSTANTS = [
  '2024-01-15 12:00:00', // winter
  '2024-07-15 12:00:00', // summer
  '2024-03-10 06:59:59', '2024-03-10 07:00:00', // New York spring forward (02:00 EST → 03:00 EDT)
  '2024-11-03 05:30:00', '2024-11-03 05:59:59', // New York: 01:30, 01:59:59 EDT (first pass)
  '2024-11-03 06:00:00', '2024-11-03 06:30:00', '2024-11-03 06:59:59', // New York: 01:00, 01:30, 01:59:59 EST (second pass)
  '2024-11-03 07:00:00',
  '2024-10-27 00:30:00', '2024-10-27 00:59:59', // Berlin: 02:30, 02:59:59 CEST (first pass)
  '2024-10-27 01:00:00', '2024-10-27 01:30:00', // Berlin: 02:00, 02:30 CET (second pass)
  '2024-03-31 00:59:59', '2024-03-31 01:00:00', // Berlin spring forward
];

async function snapshot(conn: mysql.Connection, table: string): Promise<string> {
  const [rows] = await conn.query(`select k, unix_timestamp(ts) ts, unix_timestamp(ts0) ts0, note from ${table} order by k, ts, note`);
  return JSON.stringify(rows);
}

async function roundTrip(h: BackupHarness, database: string): Promise<void> {
  const utc = await mysql.createConnection({ ...h.db, database });
  await utc.query("set time_zone = '+00:00'");
  const plain = await mysql.createConnection({ ...h.db, database });
  try {
    // A primary-keyed table and a keyless one (its rollback WHERE compares the TIMESTAMPs themselves).
    await utc.query('create table pk (k int primary key, ts timestamp(6) null, ts0 timestamp null, note varchar(10))');
    await utc.query('create table nokey (k int, ts timestamp(6) null, ts0 timestamp null, note varchar(10))');
    for (const table of ['pk', 'nokey']) {
      const values = INSTANTS.map((t, i) => `(${i + 1}, '${t}.25', '${t}', 'v${i}')`);
      await utc.query(`insert into ${table} values ${values.join(', ')}`);
    }
    const before = { pk: await snapshot(utc, 'pk'), nokey: await snapshot(utc, 'nokey') };
    const rows = await h.run(database, [
      "update pk set ts = '2030-01-01 00:00:00', ts0 = null, note = 'u' where k > 0",
      "update nokey set note = concat(note, '!') where k > 0",
      'delete from nokey where k % 2 = 0',
      // Copies in the same batch: the INSERT's rollback deletes by key; nokey's by every column, TIMESTAMPs included.
      "insert into nokey select k + 100, ts, ts0, 'copy' from nokey where k > 0",
      'delete from pk where k % 3 = 0',
    ]);
    for (const row of rows.slice(1, 6)) {
      assert.equal(row.stage_status, 'Execute Successfully\nBackup Successfully', `${row.sql}: ${row.error_message}`);
    }
    const rollback = await archeryRollback(plain, rows);
    // The repeated hour cannot be written as local time: those statements carry their own UTC session zone.
    assert.ok(rollback.some((sql) => sql.startsWith("SET STATEMENT time_zone = '+00:00' FOR ")), 'repeated-hour rows are written in UTC');
    assert.ok(rollback.some((sql) => !sql.startsWith('SET STATEMENT')), 'other rows are written in the session zone');
    for (const sql of rollback) await plain.query(sql);
    assert.equal(await snapshot(utc, 'pk'), before.pk, 'pk: every instant is back');
    assert.equal(await snapshot(utc, 'nokey'), before.nokey, 'nokey: every instant is back');
  } finally {
    await utc.end();
    await plain.end();
  }
}

async function freshDatabase(db: TestDb, name: string): Promise<string> {
  const c = await mysql.createConnection(db);
  await c.query(`drop database if exists \`${name}\``);
  await c.query(`create database \`${name}\` character set utf8mb4`);
  await c.end();
  return name;
}

test('SYSTEM time zone with daylight saving (America/New_York): TIMESTAMPs of both periods and the repeated hour restore exactly', async () => {
  const { host, port, user, password } = server!;
  const db = { host, port, user, password };
  const c = await mysql.createConnection(db);
  const [[zone]] = (await c.query('select @@global.time_zone g, @@system_time_zone s')) as unknown as [[{ g: string; s: string }]];
  await c.end();
  assert.equal(zone.g, 'SYSTEM');
  assert.match(zone.s, /^E[SD]T$/);
  const h = await backupHarness({ db });
  await roundTrip(h, await freshDatabase(db, 'tz_system'));
});

test('named time zone with daylight saving (Europe/Berlin, from tz tables): TIMESTAMPs restore exactly', async () => {
  const { host, port, user, password } = server!;
  const db = { host, port, user, password };
  const sql = execFileSync('mariadb-tzinfo-to-sql', ['/usr/share/zoneinfo/Europe/Berlin', 'Europe/Berlin'], { encoding: 'utf8' });
  const c = await mysql.createConnection({ ...db, database: 'mysql', multipleStatements: true });
  await c.query(sql);
  await c.query("set global time_zone = 'Europe/Berlin'");
  await c.end();
  const h = await backupHarness({ db });
  await roundTrip(h, await freshDatabase(db, 'tz_named'));
});
