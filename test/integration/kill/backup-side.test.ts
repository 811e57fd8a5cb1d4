// KILL from the backup server's side (docs/backup.md "A lost backup connection"): a DBA kills inceptor's
// connection on the backup server with that server's own KILL. Found in its processlist by the backup account,
// which these tests give its own name. Before BACKUP the kill has no effect; during BACKUP the unfinished write is
// retried on a new connection without duplicates; when no new connection can be opened the rows say why and no
// information row points at missing rollback rows.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type mysql from 'mysql2/promise';
import { directConnection, type TestDb } from '../../support/mariadb.js';
import { backupHarness, type BackupHarness, type Row } from '../backup/support.js';
import { backupDbName, INFO_TABLE } from '../../../src/backup/name.js';
import { storeTestHooks } from '../../../src/backup/store.js';
import { ownAccountFixture, type OwnAccount } from '../../support/own-account.js';
import { wideTable, within } from './helpers.js';

const DB = 'ks_backup_side';
/** Wide rows: the rollback of one UPDATE of them takes many INSERTs, so BACKUP is caught while it writes. */
const BIG_ROWS = 30_000;

let db: TestDb;
let admin: mysql.Connection;
let h: BackupHarness;
let schema: string;
/** The backup account: inceptor's connections on the backup server are its sessions. */
let backup: OwnAccount;
let close: () => Promise<void>;

before(async () => {
  ({ db, admin, account: backup, close } = await ownAccountFixture('backup', DB));
  await admin.query(`CREATE TABLE \`${DB}\`.t (id INT PRIMARY KEY, c VARCHAR(20) NOT NULL DEFAULT '')`);
  await admin.query(`INSERT INTO \`${DB}\`.t VALUES (1, 'before'), (2, 'before')`);
  await wideTable(admin, DB, BIG_ROWS);
  h = await backupHarness({ db });
  Object.assign(h.harness.settings.inc, { backup_user: backup.user, backup_password: backup.password });
  schema = backupDbName(db.host, db.port, DB);
});

after(() => close());

async function until(what: string, ready: () => boolean | Promise<boolean>): Promise<void> {
  await within(120_000, what, (async () => {
    while (!(await ready())) await new Promise((r) => setTimeout(r, 5));
  })());
}

async function stored(table: string, opid: string): Promise<{ rows: number; distinct: number; info: number }> {
  const [[r]] = (await admin.query(
    `SELECT COUNT(*) AS n, COUNT(DISTINCT rollback_statement) AS d FROM \`${schema}\`.\`${table}\` WHERE opid_time = ?`,
    [opid],
  )) as unknown as [[{ n: number; d: number }]];
  const [[i]] = (await admin.query(`SELECT COUNT(*) AS n FROM \`${schema}\`.\`${INFO_TABLE}\` WHERE opid_time = ?`, [opid])) as unknown as [[{ n: number }]];
  return { rows: Number(r.n), distinct: Number(r.d), info: Number(i.n) };
}

test('a backup connection killed during EXECUTING is reopened: the backup is complete', async () => {
  const locker = await directConnection(DB);
  let rows: Row[];
  try {
    await locker.query('BEGIN');
    await locker.query('SELECT * FROM t WHERE id = 1 FOR UPDATE');
    const running = h.run(DB, ["update t set c = 'after' where id = 1"]);
    // The statement waits for the row lock on the target: the batch is in EXECUTING, its backup connection idle.
    await until('the update to wait on the target', async () => {
      const [list] = await admin.query("SELECT 1 FROM information_schema.PROCESSLIST WHERE INFO = 'update t set c = ''after'' where id = 1'");
      return (list as unknown[]).length > 0;
    });
    assert.equal(await backup.killSessions(), 1, 'one backup connection was open and killed');
    await locker.query('ROLLBACK');
    rows = await running;
  } finally {
    await locker.end();
  }
  const update = rows[1]!;
  assert.equal(update.stage_status, 'Execute Successfully\nBackup Successfully', String(update.error_message));
  assert.deepEqual(await stored('t', update.sequence!), { rows: 1, distinct: 1, info: 1 });
  await admin.query(`UPDATE \`${DB}\`.t SET c = 'before'`);
});

/**
 * Runs `then` on the backup server just before BACKUP's third rollback INSERT into `big` is sent: two writes are
 * stored, the rest are not (a kill placed by the write path, not by timing: the writes are fast).
 */
function atThirdBigWrite(then: () => Promise<void>): () => void {
  let writes = 0;
  storeTestHooks.beforeCommit = async (_conn, sql) => {
    if (/\.`big`/.test(sql) && ++writes === 3) await then();
  };
  return () => (storeTestHooks.beforeCommit = undefined);
}

test('a backup connection killed while BACKUP writes: the unfinished INSERT is retried, every rollback row stored once', async () => {
  let killed = 0;
  const done = atThirdBigWrite(async () => void (killed = await backup.killSessions()));
  let rows: Row[];
  try {
    rows = await h.run(DB, ['update big set a = a + 1']);
  } finally {
    done();
  }
  assert.equal(killed, 1, 'the backup connection was killed mid-way through the writes');
  const update = rows[1]!;
  assert.equal(update.stage_status, 'Execute Successfully\nBackup Successfully', String(update.error_message));
  assert.deepEqual(await stored('big', update.sequence!), { rows: BIG_ROWS, distinct: BIG_ROWS, info: 1 });
});

test('a backup connection killed while BACKUP writes and no new one allowed: Backup failed with the reason, no information row', async () => {
  let killed = 0;
  const done = atThirdBigWrite(async () => {
    await admin.query(`ALTER USER '${backup.user}'@'%' ACCOUNT LOCK`);
    killed = await backup.killSessions();
  });
  let rows: Row[];
  try {
    rows = await h.run(DB, ['update big set a = a + 1', "update t set c = 'after' where id = 2"]);
  } finally {
    done();
    await admin.query(`ALTER USER '${backup.user}'@'%' ACCOUNT UNLOCK`);
  }
  assert.equal(killed, 1, 'the backup connection was killed mid-way through the writes');
  for (const [row, table] of [[rows[1]!, 'big'], [rows[2]!, 't']] as const) {
    assert.equal(row.stage_status, 'Execute Successfully\nBackup failed');
    assert.match(row.error_message!, /^Backup: the backup server connection was lost \(.+\) and could not be opened again: .*locked/i);
    const s = await stored(table, row.sequence!);
    assert.equal(s.info, 0, 'no information row points at missing rollback rows');
    assert.equal(s.rows, s.distinct, 'no rollback row was stored twice');
  }
});

test('a COMMIT that the backup server made but whose answer was lost (connection killed right after it): nothing is written twice', async () => {
  await admin.query(`UPDATE \`${DB}\`.t SET c = 'before'`);
  const killed: { id: number; table: string }[] = [];
  let background: Promise<void> = Promise.resolve();
  storeTestHooks.beforeCommit = (conn, sql, rows) => {
    const table = sql.includes(INFO_TABLE) ? INFO_TABLE : 't';
    if (killed.some((k) => k.table === table) || !/\.`t`|Inception_backup_information/.test(sql)) return;
    const id = conn.threadId!;
    killed.push({ id, table });
    // Our side stops reading, so the COMMIT's answer stays unread; once the rows are visible to another session
    // the COMMIT is done: the connection is killed on the backup server and its unread answer dropped with it.
    const stream = (conn as unknown as { connection: { stream: { pause(): void; destroy(): void } } }).connection.stream;
    stream.pause();
    const opid = String(rows[0]![table === INFO_TABLE ? 0 : 1]);
    background = until('the COMMIT to be visible on the backup server', async () => {
      const [[r]] = (await admin.query(`SELECT COUNT(*) AS n FROM \`${schema}\`.\`${table}\` WHERE opid_time = ?`, [opid])) as unknown as [[{ n: number }]];
      return Number(r.n) === rows.length;
    }).then(async () => {
      await admin.query(`KILL CONNECTION ${id}`);
      stream.destroy();
    });
  };
  let rows: Row[];
  try {
    rows = await h.run(DB, ["update t set c = 'after' where id = 1"]);
    await background;
  } finally {
    storeTestHooks.beforeCommit = undefined;
  }
  assert.deepEqual(killed.map((k) => k.table), ['t', INFO_TABLE], 'the rollback INSERT and the information INSERT each lost their answer');
  assert.notEqual(killed[0]!.id, killed[1]!.id, 'the second write ran on a new connection');
  const update = rows[1]!;
  assert.equal(update.stage_status, 'Execute Successfully\nBackup Successfully', String(update.error_message));
  assert.equal(update.error_level, '0');
  assert.deepEqual(await stored('t', update.sequence!), { rows: 1, distinct: 1, info: 1 });
  const [[info]] = (await admin.query(`SELECT tablename, type, sql_statement FROM \`${schema}\`.\`${INFO_TABLE}\` WHERE opid_time = ?`, [update.sequence])) as unknown as [[Record<string, string>]];
  assert.deepEqual({ ...info }, { tablename: 't', type: 'UPDATE', sql_statement: "update t set c = 'after' where id = 1" });
  await admin.query(`UPDATE \`${DB}\`.t SET c = 'before'`);
});
