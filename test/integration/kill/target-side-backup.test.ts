// KILL on the target while a statement runs, as BACKUP sees it (docs/kill.md "KILL on the target: what the backup
// decides"): the execute session is dead or the statement failed, so its @@last_gtid cannot be read; the binlog
// between the position read before the statement and the end once its thread has ended decides whether it changed
// rows. Non-transactional (MyISAM) changes carry the thread id in their COMMIT event, so they are attributed
// exactly; transactional ones on MariaDB only by their statement text, and other sessions' identical statements
// make that impossible, which the row says. Kills are placed with a user lock the statement waits on (GET_LOCK in
// its WHERE), never by timing.
import { connect, createServer, type Socket } from 'node:net';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type mysql from 'mysql2/promise';
import { directConnection, type TestDb } from '../../support/mariadb.js';
import { backupHarness, type BackupHarness, type Row } from '../backup/support.js';
import { backupDbName, INFO_TABLE } from '../../../src/backup/name.js';
import { NOT_COMMITTED_MESSAGE } from '../../../src/backup/stage.js';
import { locateOutcome } from '../../../src/backup/binlog/outcome.js';
import type { BinlogSourceOptions, OutcomeQuery } from '../../../src/backup/types.js';
import { UNKNOWN_RESULT_MESSAGE } from '../../../src/execute/execute.js';
import { ownAccountFixture, type OwnAccount } from '../../support/own-account.js';
import { within } from './helpers.js';

const DB = 'ks_target_backup';
const LOCK = 'ks_tb_lock';

let db: TestDb;
let admin: mysql.Connection;
let h: BackupHarness;
let schema: string;
/** The target account: inceptor's sessions on the target are its sessions. */
let target: OwnAccount;
let close: () => Promise<void>;

before(async () => {
  ({ db, admin, account: target, close } = await ownAccountFixture('tb', DB));
  h = await backupHarness({ db: { ...db, user: target.user, password: target.password } });
  Object.assign(h.harness.settings.inc, { backup_user: db.user, backup_password: db.password });
  schema = backupDbName(db.host, db.port, DB);
});

after(() => close());

async function table(name: string, engine: 'MyISAM' | 'InnoDB'): Promise<void> {
  await admin.query(`DROP TABLE IF EXISTS \`${DB}\`.\`${name}\``);
  await admin.query(`CREATE TABLE \`${DB}\`.\`${name}\` (id INT PRIMARY KEY, c VARCHAR(20) NOT NULL DEFAULT '') ENGINE=${engine}`);
  await admin.query(`INSERT INTO \`${DB}\`.\`${name}\` VALUES (1, 'before'), (2, 'before'), (3, 'before')`);
}

async function data(name: string): Promise<string[]> {
  const [rows] = await admin.query(`SELECT c FROM \`${DB}\`.\`${name}\` ORDER BY id`);
  return (rows as { c: string }[]).map((r) => r.c);
}

async function backupOf(row: Row, name: string): Promise<{ rollback: string[]; info: number }> {
  const [rollback] = await admin.query(`SELECT rollback_statement AS s FROM \`${schema}\`.\`${name}\` WHERE opid_time = ? ORDER BY id`, [row.sequence]).catch(() => [[]]);
  const [[info]] = (await admin.query(`SELECT COUNT(*) AS n FROM \`${schema}\`.\`${INFO_TABLE}\` WHERE opid_time = ?`, [row.sequence]).catch(() => [[{ n: 0 }]])) as unknown as [[{ n: number }]];
  return { rollback: (rollback as { s: string }[]).map((r) => r.s), info: Number(info.n) };
}

/** Inceptor's execute session on the target once it waits for the user lock. */
async function waitingOnLock(): Promise<number> {
  return within(60_000, 'the statement to wait for the user lock', (async () => {
    for (;;) {
      const [rows] = await admin.query("SELECT ID AS id FROM information_schema.PROCESSLIST WHERE USER = ? AND STATE = 'User lock' AND INFO LIKE 'update%'", [target.user]);
      const found = (rows as { id: number }[])[0];
      if (found) return Number(found.id);
      await new Promise((r) => setTimeout(r, 20));
    }
  })());
}

/**
 * Runs `update <name> set c = 'after' where id = 1 or get_lock(...)`: row 1 changes at once, then the statement
 * waits for the user lock `holder` has, and is killed there with `kill`.
 */
async function killMidStatement(name: string, kill: 'QUERY' | 'CONNECTION'): Promise<Row[]> {
  const holder = await directConnection();
  try {
    await holder.query(`SELECT GET_LOCK('${LOCK}', 600)`);
    const running = h.run(DB, [`update ${name} set c = 'after' where id = 1 or get_lock('${LOCK}', 600) = 2`, `update ${name} set c = 'later' where id = 3`]);
    const id = await waitingOnLock();
    await admin.query(`KILL ${kill} ${id}`);
    return await running;
  } finally {
    await holder.query(`SELECT RELEASE_LOCK('${LOCK}')`);
    await holder.end();
  }
}

test('KILL QUERY of a statement on a non-transactional table: Execute failed, and the rows it changed get their rollback', async () => {
  await table('m1', 'MyISAM');
  const rows = await killMidStatement('m1', 'QUERY');
  const [killed, next] = [rows[1]!, rows[2]!];
  assert.equal(killed.stage_status, 'Execute failed', String(killed.error_message));
  assert.match(killed.error_message!, /^Execute: Query execution was interrupted\.\nBackup: Its execution failed, but the binlog shows that it changed 1 rows, which stay/);
  assert.equal(killed.affected_rows, '1');
  assert.equal(killed.backup_dbname, schema);
  assert.equal(next!.stage, 'CHECKED', 'nothing after it runs');
  assert.deepEqual(await data('m1'), ['after', 'before', 'before']);
  assert.deepEqual(await backupOf(killed, 'm1'), { rollback: [`UPDATE \`${DB}\`.\`m1\` SET \`id\`=1, \`c\`='before' WHERE \`id\`=1;`], info: 1 });
});

test('KILL CONNECTION of a statement on a non-transactional table: the unknown result is confirmed from the binlog and backed up', async () => {
  await table('m2', 'MyISAM');
  const rows = await killMidStatement('m2', 'CONNECTION');
  const killed = rows[1]!;
  assert.equal(killed.stage_status, 'Execute Successfully\nBackup Successfully', String(killed.error_message));
  const lines = killed.error_message!.split('\n');
  assert.match(lines[0]!, /^Execute: /);
  assert.ok(lines.includes(UNKNOWN_RESULT_MESSAGE), killed.error_message!);
  assert.match(lines.at(-1)!, /^Backup: The binlog shows that this statement committed, changing 1 rows; their rollback is stored\.$/);
  assert.equal(killed.error_level, '2', 'a DBA still has to look at it');
  assert.equal(killed.affected_rows, '1');
  assert.deepEqual(await data('m2'), ['after', 'before', 'before']);
  assert.deepEqual(await backupOf(killed, 'm2'), { rollback: [`UPDATE \`${DB}\`.\`m2\` SET \`id\`=1, \`c\`='before' WHERE \`id\`=1;`], info: 1 });
});

for (const kill of ['QUERY', 'CONNECTION'] as const) {
  test(`KILL ${kill} of a statement on a transactional table: the binlog shows it did not commit; no rollback, and the row says so`, async () => {
    await table(`i_${kill.toLowerCase()}`, 'InnoDB');
    const name = `i_${kill.toLowerCase()}`;
    // Another session's change of the same table while ours waits: in the range, but not ours (other text).
    const other = await directConnection(DB);
    let rows: Row[];
    try {
      const holder = await directConnection();
      try {
        await holder.query(`SELECT GET_LOCK('${LOCK}', 600)`);
        const running = h.run(DB, [`update ${name} set c = 'after' where id = 1 or get_lock('${LOCK}', 600) = 2`]);
        const id = await waitingOnLock();
        await other.query(`UPDATE ${name} SET c = 'other' WHERE id = 3`);
        await admin.query(`KILL ${kill} ${id}`);
        rows = await running;
      } finally {
        await holder.query(`SELECT RELEASE_LOCK('${LOCK}')`);
        await holder.end();
      }
    } finally {
      await other.end();
    }
    const killed = rows[1]!;
    assert.equal(killed.stage_status, 'Execute failed');
    assert.ok(killed.error_message!.endsWith(`\nBackup: ${NOT_COMMITTED_MESSAGE}.`), killed.error_message!);
    assert.equal(killed.backup_dbname, null);
    assert.deepEqual(await data(name), ['before', 'before', 'other']);
    assert.deepEqual(await backupOf(killed, name), { rollback: [], info: 0 });
  });
}

// The look-up itself against the real binlog, with the cases an end-to-end run cannot show at once: found, absent,
// and two sessions' identical statements (the last test below runs the lost-answer case end to end).
test('locating a transactional statement by its text: found when it is the only one, refused when another session ran the same text', async () => {
  await table('t_text', 'InnoDB');
  const ours = await directConnection(DB);
  const other = await directConnection(DB);
  try {
    const options: BinlogSourceOptions = {
      host: db.host, port: db.port, user: db.user, password: db.password, flavor: 'mariadb', replicaServerId: 2000119999,
      timeZone: '+00:00', minimalRollback: false, hexBlob: false, signal: new AbortController().signal,
    };
    const position = async () => {
      const [[r]] = (await admin.query('SHOW MASTER STATUS')) as unknown as [[{ File: string; Position: number }]];
      return { file: r.File, position: Number(r.Position) };
    };
    const [[{ id }]] = (await ours.query('SELECT CONNECTION_ID() AS id')) as unknown as [[{ id: number }]];
    const sql = "update t_text set c = concat(c, 'x') where id = 1";
    const query = (start: OutcomeQuery['start'], end: OutcomeQuery['end']): OutcomeQuery => ({
      start, end, threadId: Number(id), statements: [sql], tables: [{ db: DB, name: 't_text' }], byText: true,
    });

    let start = await position();
    await other.query("update t_text set c = 'x' where id = 2");
    await ours.query(sql);
    const found = await locateOutcome(query(start, await position()), options);
    assert.equal(found.kind, 'found');
    assert.equal(found.kind === 'found' && found.by, 'text');

    start = await position();
    await other.query("update t_text set c = 'y' where id = 2");
    assert.deepEqual(await locateOutcome(query(start, await position()), options), { kind: 'none' });
    assert.deepEqual(await locateOutcome({ ...query(start, await position()), byText: false }, options), { kind: 'none' });

    start = await position();
    await other.query("update t_text set c = 'again' where id = 1");
    await other.query(sql);
    await ours.query(sql);
    const ambiguous = await locateOutcome(query(start, await position()), options);
    assert.equal(ambiguous.kind, 'unknown');
    assert.match(ambiguous.kind === 'unknown' ? ambiguous.reason : '', /cannot be told from the binlog: 2 transactions on .*t_text.* cannot be told apart from its own \(2 of them carry this statement's very text\)/);
  } finally {
    await ours.end();
    await other.end();
  }
});

test('--trans: a KILL CONNECTION inside a transaction rolls back its transactional statements; the non-transactional change that stayed is backed up', async () => {
  await table('m_trans', 'MyISAM');
  await table('i_trans', 'InnoDB');
  const holder = await directConnection();
  let rows: Row[];
  try {
    await holder.query(`SELECT GET_LOCK('${LOCK}', 600)`);
    const running = h.run(DB, [
      "update m_trans set c = 'after' where id = 1",
      "update i_trans set c = 'after' where id = 2",
      `update i_trans set c = 'after' where id = 1 or get_lock('${LOCK}', 600) = 2`,
    ], '--trans=5;');
    await admin.query(`KILL CONNECTION ${await waitingOnLock()}`);
    rows = await running;
  } finally {
    await holder.query(`SELECT RELEASE_LOCK('${LOCK}')`);
    await holder.end();
  }
  const [kept, rolledBack, killed] = [rows[1]!, rows[2]!, rows[3]!];
  assert.deepEqual(await data('m_trans'), ['after', 'before', 'before']);
  assert.deepEqual(await data('i_trans'), ['before', 'before', 'before']);
  assert.equal(kept.stage_status, 'Execute failed', 'its transaction failed');
  assert.match(kept.error_message!, /\nBackup: Its execution failed, but the binlog shows that it changed 1 rows, which stay \(a non-transactional table keeps what it changed\); their rollback is stored\.$/);
  assert.equal(kept.affected_rows, '1');
  assert.deepEqual(await backupOf(kept, 'm_trans'), { rollback: [`UPDATE \`${DB}\`.\`m_trans\` SET \`id\`=1, \`c\`='before' WHERE \`id\`=1;`], info: 1 });
  assert.equal(rolledBack.stage_status, 'Execute failed');
  assert.ok(!rolledBack.error_message!.includes('Backup:'), 'the transaction was rolled back, as execution knew');
  assert.deepEqual(await backupOf(rolledBack, 'i_trans'), { rollback: [], info: 0 });
  assert.equal(killed.stage_status, 'Execute failed');
  assert.equal(killed.backup_dbname, null);
});

/**
 * A TCP relay to the target that, once a client sends a packet containing `marker` (not an EXPLAIN), closes that connection
 * instead of passing on the server's answer: the server ran (and committed) the statement, the client never hears.
 */
async function answerDroppingRelay(marker: string): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(db.port, db.host);
    let dropAnswer = false;
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.on('data', (d) => {
      // the statement itself, not the audit's EXPLAIN of it
      if (d.includes(marker) && !/explain/i.test(d.toString('latin1'))) dropAnswer = true;
      upstream.write(d);
    });
    upstream.on('data', (d) => {
      if (!dropAnswer) return void client.write(d);
      client.destroy();
      upstream.destroy();
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

test('a transactional statement that committed but whose answer was lost: found in the binlog by its text and backed up', async () => {
  await table('i_lost', 'InnoDB');
  const marker = "set c = 'lost answer'";
  const relay = await answerDroppingRelay(marker);
  try {
    const viaRelay = await backupHarness({ db: { ...db, host: '127.0.0.1', port: relay.port } });
    Object.assign(viaRelay.harness.settings.inc, { backup_host: db.host, backup_port: db.port });
    const rows = await viaRelay.run(DB, [`update i_lost ${marker} where id = 2`, "update i_lost set c = 'later' where id = 3"]);
    const lost = rows[1]!;
    assert.equal(lost.stage_status, 'Execute Successfully\nBackup Successfully', String(lost.error_message));
    const lines = lost.error_message!.split('\n');
    assert.ok(lines.includes(UNKNOWN_RESULT_MESSAGE), lost.error_message!);
    assert.match(lines.at(-1)!, /^Backup: The binlog shows that this statement committed, changing 1 rows \(recognised by its statement text: .+\); their rollback is stored\.$/);
    assert.equal(rows[2]!.stage, 'CHECKED', 'nothing after it runs');
    assert.deepEqual(await data('i_lost'), ['before', 'lost answer', 'before']);
    const relaySchema = backupDbName('127.0.0.1', relay.port, DB);
    const [stored] = await admin.query(`SELECT rollback_statement AS s FROM \`${relaySchema}\`.\`i_lost\` WHERE opid_time = ?`, [lost.sequence]);
    assert.deepEqual((stored as { s: string }[]).map((r) => r.s), [`UPDATE \`${DB}\`.\`i_lost\` SET \`id\`=2, \`c\`='before' WHERE \`id\`=2;`]);
    await admin.query(`DROP DATABASE IF EXISTS \`${relaySchema}\``);
  } finally {
    await relay.close();
  }
});
