// KILL from the target server's side (docs/kill.md "KILL on the target and backup servers"): a DBA kills
// inceptor's session on the target with the server's own KILL. Inceptor's target sessions are found in the
// target's processlist by their user (each test runs the target as its own account, as a DBA would see it).
// CHECKING reconnects and goes on with the same rows; EXECUTING stops at the killed statement; the binlog reader
// reconnects from where it was.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type mysql from 'mysql2/promise';
import { directConnection, type TestDb } from '../../support/mariadb.js';
import { backupHarness, type BackupHarness, type Row } from '../backup/support.js';
import { backupDbName, INFO_TABLE } from '../../../src/backup/name.js';
import { TargetSession } from '../../../src/target/session.js';
import { NOT_COMMITTED_MESSAGE } from '../../../src/backup/stage.js';
import { NOT_SENT_MESSAGE, UNKNOWN_RESULT_MESSAGE } from '../../../src/execute/execute.js';
import type { BatchOptions } from '../../../src/options/magic-comment.js';
import { ownAccountFixture, type OwnAccount, type ServerSession } from '../../support/own-account.js';
import { wideTable, within } from './helpers.js';

const DB = 'ks_target_a';
const OTHER_DB = 'ks_target_b';
/** Wide rows: the binlog of one UPDATE of them is far larger than the reader's queue, so the dump thread is seen. */
const BIG_ROWS = 60_000;

let db: TestDb;
let admin: mysql.Connection;
let h: BackupHarness;
/** The target account: inceptor's sessions on the target are its sessions. */
let targetAccount: OwnAccount;
let close: () => Promise<void>;

before(async () => {
  ({ db, admin, account: targetAccount, close } = await ownAccountFixture('target', DB, OTHER_DB));
  await admin.query(`CREATE TABLE \`${OTHER_DB}\`.t (id INT PRIMARY KEY, c VARCHAR(20) NOT NULL DEFAULT '')`);
  await wideTable(admin, DB, BIG_ROWS);
  h = await backupHarness({ db: { ...db, user: targetAccount.user, password: targetAccount.password } });
  // The backup server is the same MariaDB, reached as root: only the target account is killed here.
  Object.assign(h.harness.settings.inc, { backup_user: db.user, backup_password: db.password });
});

after(() => close());

async function resetT(): Promise<void> {
  await admin.query(`DELETE FROM \`${OTHER_DB}\`.t`);
  await admin.query(`INSERT INTO \`${OTHER_DB}\`.t VALUES (1, 'before'), (2, 'before'), (3, 'before')`);
}

/** Polls the target's processlist until one of inceptor's sessions matches; every wait is bounded. */
async function waitForTargetSession(what: string, match: (p: ServerSession) => boolean, except: ReadonlySet<number> = new Set()): Promise<ServerSession> {
  return within(60_000, what, (async () => {
    for (;;) {
      const found = (await targetAccount.sessions()).find((p) => !except.has(p.id) && match(p));
      if (found) return found;
      await new Promise((r) => setTimeout(r, 20));
    }
  })());
}

test('a killed target session restores its database and the SET statements it ran on the new connection', async () => {
  const options = {
    host: db.host, port: db.port, user: targetAccount.user, password: targetAccount.password, db: DB, ssl: '',
  } as unknown as BatchOptions;
  const target = await TargetSession.connect(options, { inc: { default_charset: 'utf8mb4', sql_mode: 'STRICT_TRANS_TABLES' } });
  try {
    await target.query(`USE \`${OTHER_DB}\``);
    await target.execute("SET time_zone = '+05:30'");
    await target.execute('SET NAMES latin1');
    await target.execute("SET SESSION sql_mode = 'ANSI_QUOTES'");
    const before = await target.threadId();
    await admin.query(`KILL CONNECTION ${before}`);
    const [state] = await target.query<Record<string, string>>(
      'SELECT DATABASE() AS db, @@time_zone AS tz, @@character_set_client AS cs, @@sql_mode AS mode',
    );
    assert.deepEqual(state, { db: OTHER_DB, tz: '+05:30', cs: 'latin1', mode: 'ANSI_QUOTES' });
    assert.notEqual(await target.threadId(), before, 'the session is a new connection');
  } finally {
    await target.close();
  }
});

test('a statement is never sent on a new connection: after a kill, execute fails as a lost connection', async () => {
  const options = { host: db.host, port: db.port, user: targetAccount.user, password: targetAccount.password, db: OTHER_DB, ssl: '' } as unknown as BatchOptions;
  const target = await TargetSession.connect(options, { inc: { default_charset: 'utf8mb4' } });
  try {
    await resetT();
    await admin.query(`KILL CONNECTION ${await target.threadId()}`);
    await within(30_000, 'the kill to reach the session', (async () => {
      while (target.lostConnection === null) await new Promise((r) => setTimeout(r, 10));
    })());
    await assert.rejects(target.execute("UPDATE t SET c = 'after' WHERE id = 1"), (err: Error & { fatal?: boolean }) => err.fatal === true);
    const [rows] = await admin.query(`SELECT c FROM \`${OTHER_DB}\`.t WHERE id = 1`);
    assert.deepEqual(rows, [{ c: 'before' }]);
  } finally {
    await target.close();
  }
});

for (const kill of ['CONNECTION', 'QUERY'] as const) {
  test(`CHECKING: KILL ${kill} of inceptor's target session during the audit changes no row`, async () => {
    await resetT();
    const statements = [
      `use \`${OTHER_DB}\``,
      "update t set c = 'x' where id = 1",
      "insert into t (id, c) values (9, 'nine')",
      'delete from missing_table where id = 1',
    ];
    const text = (mode: string) =>
      `/*--user='${targetAccount.user}';--password='${targetAccount.password}';--host='${db.host}';--port=${db.port};${mode}*/\n` +
      `inception_magic_start;\nuse \`${DB}\`;\n${statements.map((s) => s + ';').join('\n')}\ninception_magic_commit;`;
    const baseline = await h.harness.run(text('--check=1;'));
    const locker = await directConnection(OTHER_DB);
    try {
      // EXPLAIN of the UPDATE waits for the table's metadata lock: the audit is caught in the middle.
      await locker.query('LOCK TABLES t WRITE');
      const running = h.harness.run(text('--check=1;'));
      const blocked = await waitForTargetSession('the audit to wait on the lock', (p) => /^EXPLAIN update/i.test(p.info ?? ''));
      for (const p of await targetAccount.sessions()) await admin.query(`KILL ${kill} ${p.id}`);
      const again = await waitForTargetSession(
        'the audit to ask again on a new connection',
        (p) => /^EXPLAIN update/i.test(p.info ?? '') && p.state !== 'Killed',
        kill === 'CONNECTION' ? new Set([blocked.id]) : new Set(),
      );
      assert.equal(again.db, OTHER_DB, 'the batch database (USE) was restored');
      await locker.query('UNLOCK TABLES');
      const result = await running;
      assert.deepEqual(result, baseline);
    } finally {
      await locker.end();
    }
    const [rows] = await admin.query(`SELECT id, c FROM \`${OTHER_DB}\`.t ORDER BY id`);
    assert.deepEqual(rows, [{ id: 1, c: 'before' }, { id: 2, c: 'before' }, { id: 3, c: 'before' }], 'checking changed nothing');
  });
}

for (const kill of ['QUERY', 'CONNECTION'] as const) {
  test(`EXECUTING: KILL ${kill} of the running statement on the target fails that row, nothing after it runs, what ran is backed up`, async () => {
    await resetT();
    const locker = await directConnection(OTHER_DB);
    let rows: Row[];
    try {
      await locker.query('BEGIN');
      await locker.query('SELECT * FROM t WHERE id = 2 FOR UPDATE');
      const running = h.run(OTHER_DB, [
        "update t set c = 'after' where id = 1",
        "update t set c = 'after' where id = 2",
        "update t set c = 'after' where id = 3",
      ]);
      // Anchored: the audit's `EXPLAIN update …` of the same statement must not be taken for it.
      const isSecond = (p: ServerSession) => /^update t set c = 'after' where id = 2$/.test(p.info ?? '');
      const waiting = await waitForTargetSession('the second update to wait for the row lock', isSecond);
      // A KILL QUERY that lands before the statement has really begun is cleared by the server when it begins:
      // it is sent again until the statement is gone from the session.
      let settled = false;
      const done = running.finally(() => (settled = true));
      await within(60_000, 'the kill to stop the statement', (async () => {
        while (!settled && (await targetAccount.sessions()).some((p) => p.id === waiting.id && isSecond(p))) {
          await admin.query(`KILL ${kill} ${waiting.id}`).catch(() => undefined);
          await new Promise((r) => setTimeout(r, 100));
        }
      })());
      rows = await done;
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    const [first, second, third] = [rows[1]!, rows[2]!, rows[3]!];
    assert.equal(first.stage_status, 'Execute Successfully\nBackup Successfully');
    assert.equal(second.stage, 'EXECUTED');
    assert.equal(second.stage_status, 'Execute failed');
    assert.equal(second.error_level, '2');
    // The binlog shows that the killed statement did not commit (InnoDB rolled it back): the row says so.
    const notCommitted = `\nBackup: ${NOT_COMMITTED_MESSAGE}.`;
    if (kill === 'QUERY') assert.equal(second.error_message, `Execute: Query execution was interrupted.${notCommitted}`);
    else {
      assert.match(second.error_message!, /^Execute: /);
      assert.ok(second.error_message!.endsWith(`${UNKNOWN_RESULT_MESSAGE}${notCommitted}`), second.error_message!);
    }
    assert.equal(second.backup_dbname, null);
    assert.equal(third.stage, 'CHECKED', 'nothing after the killed statement runs');
    const [data] = await admin.query(`SELECT id, c FROM \`${OTHER_DB}\`.t ORDER BY id`);
    assert.deepEqual(data, [{ id: 1, c: 'after' }, { id: 2, c: 'before' }, { id: 3, c: 'before' }]);
    const schema = backupDbName(db.host, db.port, OTHER_DB);
    const [rollback] = await admin.query(`SELECT rollback_statement FROM \`${schema}\`.t WHERE opid_time = ?`, [first.sequence]);
    assert.deepEqual(rollback, [{ rollback_statement: `UPDATE \`${OTHER_DB}\`.\`t\` SET \`id\`=1, \`c\`='before' WHERE \`id\`=1;` }]);
    const [infos] = await admin.query(`SELECT opid_time FROM \`${schema}\`.\`${INFO_TABLE}\` WHERE opid_time IN (?, ?)`, [first.sequence, second.sequence]);
    assert.deepEqual(infos, [{ opid_time: first.sequence }], 'an information row only for the statement that ran');
  });
}

test(`EXECUTING: KILL of the idle session between statements (in a --sleep pause) stops execution; the next statement is reported as not sent, not as unknown`, async () => {
  await resetT();
  const running = h.run(
    OTHER_DB,
    ["update t set c = 'after' where id = 1", "update t set c = 'after' where id = 2", "update t set c = 'after' where id = 3"],
    '--sleep=8000;',
  );
  let settled = false;
  const done = running.finally(() => (settled = true));
  // The first statement committed; the session now sleeps before the next (the EXPLAIN pool closed with CHECKING,
  // so the batch's own session is the only one of inceptor's left there).
  await within(60_000, 'the first update to commit', (async () => {
    for (;;) {
      const [r] = await admin.query(`SELECT c FROM \`${OTHER_DB}\`.t WHERE id = 1`);
      if ((r as { c: string }[])[0]?.c === 'after' || settled) return;
      await new Promise((res) => setTimeout(res, 20));
    }
  })());
  // Idle for a second or more: in the pause, past the backup hook's reads that follow the statement (a kill
  // before those would rightly fail the first statement's backup).
  const idle = await within(60_000, 'inceptor to pause after the first statement', (async () => {
    for (;;) {
      const [r] = await admin.query(
        "SELECT ID AS id FROM information_schema.PROCESSLIST WHERE USER = ? AND DB = ? AND COMMAND = 'Sleep' AND TIME >= 1",
        [targetAccount.user, OTHER_DB],
      );
      const found = (r as { id: number }[])[0];
      if (found) return Number(found.id);
      await new Promise((res) => setTimeout(res, 50));
    }
  })());
  await admin.query(`KILL CONNECTION ${idle}`);
  const rows = await done;
  const [first, second, third] = [rows[1]!, rows[2]!, rows[3]!];
  assert.equal(second.stage_status, 'Execute failed');
  assert.ok(second.error_message!.includes(NOT_SENT_MESSAGE), second.error_message!);
  assert.ok(!second.error_message!.includes(UNKNOWN_RESULT_MESSAGE), second.error_message!);
  assert.equal(third.stage, 'CHECKED', 'nothing after it runs');
  const [data] = await admin.query(`SELECT id, c FROM \`${OTHER_DB}\`.t ORDER BY id`);
  assert.deepEqual(data, [{ id: 1, c: 'after' }, { id: 2, c: 'before' }, { id: 3, c: 'before' }]);
  assert.equal(first.stage_status, 'Execute Successfully\nBackup Successfully');
});

test('BACKUP: the binlog reader whose dump connection is killed on the target reconnects and stores every rollback row', async () => {
  const victim = h.harness.session();
  const running = h.run(DB, ['update big set a = a + 1'], '', victim);
  const dump = await Promise.race([
    waitForTargetSession('the binlog dump to start', (p) => p.command === 'Binlog Dump'),
    running.then((r) => assert.fail(`the batch ended before its binlog dump was seen: ${JSON.stringify(r)}`)),
  ]);
  await admin.query(`KILL CONNECTION ${dump.id}`);
  const rows = await running;
  const update = rows[1]!;
  assert.equal(update.affected_rows, String(BIG_ROWS));
  assert.equal(update.stage_status, 'Execute Successfully\nBackup Successfully', String(update.error_message));
  const schema = backupDbName(db.host, db.port, DB);
  const [[stored]] = (await admin.query(
    `SELECT COUNT(*) AS n, COUNT(DISTINCT rollback_statement) AS distinct_n FROM \`${schema}\`.big WHERE opid_time = ?`,
    [update.sequence],
  )) as unknown as [[{ n: number; distinct_n: number }]];
  assert.deepEqual({ n: Number(stored.n), distinct: Number(stored.distinct_n) }, { n: BIG_ROWS, distinct: BIG_ROWS }, 'every row once');
});
