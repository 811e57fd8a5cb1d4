// KILL and BACKUP (docs/backup.md "KILL"): a KILL during BACKUP stops the decoder after the current event, keeps
// the rollback rows generated so far and says so on the row; a KILL during EXECUTING still backs up every
// statement that ran. The processlist shows the BACKUP stage with its percent meanwhile.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { directConnection, freshDatabase } from '../../support/mariadb.js';
import { backupHarness, type BackupHarness, type Row } from './support.js';
import { binlogReaderMissing } from './support.js';

/** The whole loop needs the binlog reader (docs/binlog.md); until it is merged these tests say so and skip. */
const readerMissing = await binlogReaderMissing();
import { backupDbName, INFO_TABLE } from '../../../src/backup/name.js';
import { KILLED_MESSAGE } from '../../../src/rows/row.js';

const DB = 'bk_kill';
const ROWS = 200_000;
let h: BackupHarness;

before(async () => {
  h = await backupHarness();
  await freshDatabase(DB);
  const c = await directConnection(DB);
  await c.query('create table big (id int primary key, a int not null)');
  await c.query(`insert into big select seq, 0 from seq_1_to_${ROWS}`);
  await c.query('create table small (id int primary key, a int not null)');
  await c.query('insert into small values (1, 0), (2, 0)');
  await c.end();
});

after(async () => {
  const c = await directConnection();
  await c.query(`drop database if exists \`${DB}\``);
  await c.query(`drop database if exists \`${backupDbName(h.db.host, h.db.port, DB)}\``);
  await c.end();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function rollbackCount(opid: string): Promise<{ rollback: number; info: number }> {
  const c = await directConnection(backupDbName(h.db.host, h.db.port, DB));
  try {
    const [[r]] = (await c.query('select count(*) n from big where opid_time = ?', [opid])) as unknown as [[{ n: number }]];
    const [[i]] = (await c.query(`select count(*) n from \`${INFO_TABLE}\` where opid_time = ?`, [opid])) as unknown as [[{ n: number }]];
    return { rollback: Number(r.n), info: Number(i.n) };
  } finally {
    await c.end();
  }
}

test('KILL during BACKUP: decoding stops, rows so far are written, the row says killed; processlist showed BACKUP with a percent', { skip: readerMissing }, async () => {
  const victim = h.harness.session();
  const running = h.run(DB, ['update big set a = a + 1'], '', victim);
  const watcher = h.harness.session();
  let seen: Record<string, unknown> | null = null;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (victim.process.state === 'BACKUP' && victim.process.percent > 0) {
      const list = await h.harness.run('inception show processlist', watcher);
      if (list.kind === 'rows') {
        const names = list.columns.map((c) => c.name);
        const mine = list.rows.map((r) => Object.fromEntries(names.map((n, i) => [n, r[i]]))).find((r) => Number(r.Id) === victim.connectionId);
        if (mine) seen = mine;
      }
      victim.process.kill('query');
      break;
    }
    await sleep(2);
  }
  const rows: Row[] = await running;
  assert.ok(seen, 'the batch was caught in BACKUP');
  assert.equal(seen.STATE, 'BACKUP');
  assert.match(String(seen.Percent), /^\d+\.\d\d%$/);
  const update = rows[1]!;
  assert.equal(update.affected_rows, String(ROWS));
  assert.equal(update.stage_status, 'Execute Successfully\nBackup failed');
  assert.equal(update.error_message, `Backup: ${KILLED_MESSAGE}`);
  assert.equal(update.backup_dbname, backupDbName(h.db.host, h.db.port, DB));
  const stored = await rollbackCount(update.sequence!);
  assert.ok(stored.rollback > 0 && stored.rollback < ROWS, `rollback rows written before the kill: ${stored.rollback}`);
  assert.equal(stored.info, 0, 'no information row points at an incomplete rollback');
});

test('KILL during EXECUTING: the statements that ran are still backed up', { skip: readerMissing }, async () => {
  const victim = h.harness.session();
  const running = h.run(DB, ['update small set a = 5 where id = 1', 'update small set a = 6 where id = 2'], '--sleep=3000;--sleep_rows=1;', victim);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && !(victim.process.state === 'EXECUTING' && /id = 1/.test(victim.process.info))) await sleep(5);
  await sleep(300);
  victim.process.kill('query');
  const rows = await running;
  const [first, second] = [rows[1]!, rows[2]!];
  assert.equal(first.stage_status, 'Execute Successfully\nBackup Successfully');
  assert.match(first.error_message!, /Operation has been killed!/);
  assert.equal(second.stage, 'CHECKED', 'the second statement never ran');
  const stored = await rollbackCount(first.sequence!);
  assert.deepEqual(stored, { rollback: 0, info: 1 }, 'its rollback lives in the table of its own name (small)');
  const c = await directConnection(backupDbName(h.db.host, h.db.port, DB));
  const [rb] = await c.query('select rollback_statement from small where opid_time = ?', [first.sequence]);
  await c.end();
  assert.deepEqual((rb as { rollback_statement: string }[]).map((r) => r.rollback_statement), [
    `UPDATE \`${DB}\`.\`small\` SET \`id\`=1, \`a\`=0 WHERE \`id\`=1;`,
  ]);
});
