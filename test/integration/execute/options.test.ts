// The execution options of docs/options.md through the whole request path against the real MariaDB: --trans (what
// commits, what rolls back, what each row says, and that the backup of grouped statements still round-trips),
// --sleep/--sleep_rows (server-side timestamps; KILL during the pause), and the `sequence` column.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type mysql from 'mysql2/promise';
import { directConnection, freshDatabase } from '../../support/mariadb.js';
import { archeryRollback, backupHarness, COLUMNS, type BackupHarness, type Row } from '../backup/support.js';
import { backupDbName } from '../../../src/backup/name.js';

let h: BackupHarness;

before(async () => {
  h = await backupHarness();
});

/** Runs `body` with a fresh database and a direct connection to it. */
async function inDatabase(name: string, body: (conn: mysql.Connection, database: string) => Promise<void>): Promise<void> {
  const database = await freshDatabase(name);
  const conn = await directConnection(database);
  try {
    await body(conn, database);
  } finally {
    await conn.end();
  }
}

/** Polls until `sql` (a count) is positive on `conn`. */
async function until(conn: mysql.Connection, sql: string): Promise<void> {
  for (;;) {
    const [found] = await conn.query(sql);
    if (Number(Object.values((found as Record<string, unknown>[])[0]!)[0]) > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function tableRows(conn: mysql.Connection, table: string): Promise<string> {
  const [rows] = await conn.query(`select id, a from ${table} order by id`);
  return (rows as { id: number; a: number }[]).map((r) => `${r.id}:${r.a}`).join(' ');
}

/** The backup information rows of a batch's rows, by sequence: [start file:pos, end file:pos]. */
async function infoRanges(conn: mysql.Connection, schema: string, rows: readonly Row[]): Promise<Map<string, string>> {
  const [info] = await conn.query(`select opid_time, start_binlog_file, start_binlog_pos, end_binlog_file, end_binlog_pos from ${schema}.$_$Inception_backup_information$_$`);
  const bySeq = new Map<string, string>();
  for (const r of info as Record<string, string | number>[]) bySeq.set(String(r.opid_time), `${r.start_binlog_file}:${r.start_binlog_pos}-${r.end_binlog_file}:${r.end_binlog_pos}`);
  return new Map(rows.filter((r) => bySeq.has(r.sequence!)).map((r) => [r.sql!, bySeq.get(r.sequence!)!]));
}

test('--trans=2: a failure in the second transaction rolls it back, the first stays committed and its backup round-trips', () =>
  inDatabase('exec_trans_fail', async (conn, database) => {
    await conn.query('create table t (id int primary key, a int not null)');
    await conn.query('insert into t values (1, 0), (2, 0), (3, 0)');
    const original = await tableRows(conn, 't');
    const rows = await h.run(database, [
      'insert into t values (10, 1)',
      'update t set a = a + 1 where id <= 3',
      'insert into t values (11, 1)',
      'insert into t values (1, 9)',
      'insert into t values (12, 1)',
    ], '--trans=2;');
    const [use, ins10, upd, ins11, dup, ins12] = rows;
    assert.equal(use!.stage_status, 'Execute Successfully');
    // The first transaction committed: both rows executed and backed up, one binlog transaction for both.
    for (const r of [ins10!, upd!]) {
      assert.equal(r.stage, 'EXECUTED');
      assert.equal(r.error_level, '0', `${r.sql}: ${r.error_message}`);
      assert.equal(r.stage_status, 'Execute Successfully\nBackup Successfully', r.sql!);
    }
    assert.equal(ins10!.affected_rows, '1');
    assert.equal(upd!.affected_rows, '3');
    // The second transaction failed at its second statement: both of its rows say so, the first prefixed.
    for (const r of [ins11!, dup!]) {
      assert.equal(r.stage, 'EXECUTED');
      assert.equal(r.stage_status, 'Execute failed');
      assert.equal(r.error_level, '2');
      assert.equal(r.affected_rows, '0');
      assert.equal(r.backup_dbname, null);
    }
    assert.match(ins11!.error_message!, /^Execute: Duplicate entry '1' for key 'PRIMARY'\.$/);
    assert.match(dup!.error_message!, /^Duplicate entry '1' for key 'PRIMARY'\.$/);
    // Not reached.
    assert.equal(ins12!.stage, 'CHECKED');
    assert.equal(ins12!.stage_status, 'Audit Completed');
    assert.match(ins12!.sequence!, /^0_0_00000005$/);

    assert.equal(await tableRows(conn, 't'), '1:1 2:1 3:1 10:1', 'the first transaction is there, nothing of the second');

    const schema = backupDbName(h.db.host, h.db.port, database);
    const ranges = await infoRanges(conn, schema, rows);
    assert.equal(ranges.size, 2, 'information rows for the committed statements only');
    assert.equal(ranges.get(ins10!.sql!), ranges.get(upd!.sql!), 'one binlog transaction: one range for both statements');

    const rollback = await archeryRollback(conn, rows);
    assert.deepEqual(rollback.slice().sort(), [
      'DELETE FROM `exec_trans_fail`.`t` WHERE `id`=10;',
      'UPDATE `exec_trans_fail`.`t` SET `id`=1, `a`=0 WHERE `id`=1;',
      'UPDATE `exec_trans_fail`.`t` SET `id`=2, `a`=0 WHERE `id`=2;',
      'UPDATE `exec_trans_fail`.`t` SET `id`=3, `a`=0 WHERE `id`=3;',
    ].sort());
    for (const sql of rollback) await conn.query(sql);
    assert.equal(await tableRows(conn, 't'), original, 'the rollback restores the table');
  }));

test('--trans=3: statements that change nothing, a DDL boundary and a trailing short transaction all back up exactly', () =>
  inDatabase('exec_trans_mixed', async (conn, database) => {
    await conn.query('create table t (id int primary key, a int not null)');
    await conn.query('create table u (id int primary key, a int not null)');
    await conn.query('insert into t values (1, 0), (2, 0), (3, 0)');
    await conn.query('insert into u values (1, 5)');
    const original = `${await tableRows(conn, 't')} | ${await tableRows(conn, 'u')}`;
    const statements = [
      'insert into t values (20, 2), (21, 2)',
      'update t set a = 7 where id = 999',
      'delete from u where id = 1',
      'update t set a = 3 where id = 2',
      'alter table t add column b int not null default 0',
      'update t set a = 4 where id in (1, 20)',
      'insert into u values (2, 6)',
    ];
    const rows = await h.run(database, statements, '--trans=3;');
    const ran = rows.slice(1);
    for (const r of ran) assert.equal(r.error_level, '0', `${r.sql}: ${r.error_message}`);
    assert.deepEqual(ran.map((r) => r.stage_status), [
      'Execute Successfully\nBackup Successfully',
      'Execute Successfully',
      'Execute Successfully\nBackup Successfully',
      'Execute Successfully\nBackup Successfully',
      'Execute Successfully\nBackup Successfully',
      'Execute Successfully\nBackup Successfully',
      'Execute Successfully\nBackup Successfully',
    ]);
    const schema = backupDbName(h.db.host, h.db.port, database);
    const ranges = await infoRanges(conn, schema, rows);
    // First transaction: the first three statements (one range); the fourth starts a new one, cut short by the ALTER.
    assert.equal(ranges.get(statements[0]!), ranges.get(statements[2]!));
    assert.notEqual(ranges.get(statements[0]!), ranges.get(statements[3]!));
    assert.equal(ranges.get(statements[5]!), ranges.get(statements[6]!));
    assert.equal(await tableRows(conn, 'u'), '2:6');

    const rollback = await archeryRollback(conn, rows);
    assert.ok(rollback.includes('INSERT INTO `exec_trans_mixed`.`u`(`id`,`a`) VALUES(1,5);'), rollback.join('\n'));
    for (const sql of rollback) await conn.query(sql);
    assert.equal(`${await tableRows(conn, 't')} | ${await tableRows(conn, 'u')}`, original);
    const [cols] = await conn.query(`show columns from t`);
    assert.deepEqual((cols as { Field: string }[]).map((c) => c.Field), ['id', 'a']);
  }));

test('sequence: <exec unix seconds>_<target thread id>_<row index>, the same thread for every row, 0_0_ before execution', () =>
  inDatabase('exec_sequence', async (conn, database) => {
    await conn.query('create table s (id int primary key, tid bigint not null, ts bigint not null)');
    const rows = await h.run(database, [
      'insert into s values (1, connection_id(), unix_timestamp())',
      'insert into s values (2, connection_id(), unix_timestamp())',
    ], '--backup=0;--trans=2;');
    const [stored] = (await conn.query('select id, tid, ts from s order by id')) as unknown as [{ id: number; tid: string | number; ts: string | number }[]];
    assert.equal(stored.length, 2);
    for (const [k, r] of rows.slice(1).entries()) {
      const m = /^(\d+)_(\d+)_(\d{8})$/.exec(r.sequence!);
      assert.ok(m, r.sequence!);
      assert.equal(m[2], String(stored[k]!.tid), 'the thread id is the target connection that ran the statement');
      assert.ok(Number(m[1]) >= Number(stored[k]!.ts), 'the timestamp is taken after the statement ran');
      assert.equal(m[3], String(k + 1).padStart(8, '0'));
    }
    assert.match(rows[0]!.sequence!, new RegExp(`^\\d+_${stored[0]!.tid}_00000000$`), 'USE ran on the same session');

    const checked = await h.run(database, ['insert into s values (3, 0, 0)'], '--execute=0;--check=1;--backup=0;');
    assert.deepEqual(checked.map((r) => r.sequence), ['0_0_00000000', '0_0_00000001']);
  }));

test('--sleep=300;--sleep_rows=2: a pause after rows 0, 2, 4 … (server-side timestamps at least that far apart)', () =>
  inDatabase('exec_sleep', async (conn, database) => {
    await conn.query('create table s (id int primary key, at datetime(6) not null)');
    const rows = await h.run(database, [1, 2, 3, 4].map((id) => `insert into s values (${id}, now(6))`), '--backup=0;--sleep=300;--sleep_rows=2;');
    for (const r of rows) assert.equal(r.stage_status, 'Execute Successfully', `${r.sql}: ${r.error_message}`);
    const [stored] = (await conn.query('select id, unix_timestamp(at) * 1000 ms from s order by id')) as unknown as [{ id: number; ms: string }[]];
    const ms = stored.map((r) => Number(r.ms));
    // Row indices: 0 = USE, 1..4 = the inserts. Pauses follow rows 0 and 2 (the one after 4 is not needed: last row).
    assert.ok(ms[2]! - ms[1]! >= 300, `a pause between rows 2 and 3: ${ms[2]! - ms[1]!} ms`);
  }));

test('KILL during the pause: the row that ran says so, the next row never runs', () =>
  inDatabase('exec_sleep_kill', async (conn, database) => {
    await conn.query('create table s (id int primary key)');
    const session = h.harness.session();
    // No USE row (it would be row 0, and the pause after it would come before any insert): --db instead.
    const text =
      `/*--user='${h.db.user}';--password='${h.db.password}';--host='${h.db.host}';--port=${h.db.port};--db=${database};` +
      `--execute=1;--ignore-warnings=1;--sleep=100000;*/\ninception_magic_start;\n` +
      `insert into s values (1);\ninsert into s values (2);\ninception_magic_commit;`;
    const running = h.harness.run(text, session).then((result) => {
      assert.equal(result.kind, 'rows');
      if (result.kind !== 'rows') throw new Error('unreachable');
      return result.rows.map((values) => Object.fromEntries(COLUMNS.map((c, i) => [c, values[i] === null ? null : String(values[i])])) as Row);
    });
    // Wait until the first insert is visible: the loop is then in its (100 s) pause.
    await until(conn, 'select count(*) from s');
    session.process.kill('query');
    const rows = await running;
    assert.equal(rows.length, 2);
    assert.equal(rows[0]!.stage_status, 'Execute Successfully');
    assert.equal(rows[0]!.error_message, 'Execute: Operation has been killed!');
    assert.equal(rows[1]!.stage, 'CHECKED');
    const [left] = await conn.query('select id from s');
    assert.deepEqual((left as { id: number }[]).map((r) => r.id), [1]);
  }));

test('SHOW and EXPLAIN in a batch: the sql column carries the target output; never executed; SELECT refused in execute mode', () =>
  inDatabase('exec_show', async (conn, database) => {
    await conn.query("create table t (id int primary key, `o'k` varchar(10) null, b varbinary(4) null)");
    await conn.query("insert into t values (1, 'x', X'00ff'), (2, 'y', 'ab')");
    const checked = await h.run(database, [
      'show tables',
      "show columns from t like 'o%'",
      'explain select id from t where id = 1',
      'select b from t where id = 1',
      'show create table nosuch',
      'explain analyze select id from t',
    ], '--execute=0;--check=1;--backup=0;');
    const [, tables, columns, explain, select, missing, analyze] = checked;
    assert.equal(tables!.sql, "show tables:\n't'");
    assert.equal(tables!.error_level, '0');
    assert.equal(columns!.sql, "show columns from t like 'o%':\n'o''k' | 'varchar(10)' | 'YES' | '' | NULL | ''");
    assert.match(explain!.sql!, /^explain select id from t where id = 1:\n1 \| 'SIMPLE' \| 't' \| 'const' \| 'PRIMARY' \| 'PRIMARY' \| '4' \| 'const' \| '1' \| 'Using index'$/); // MariaDB's EXPLAIN gives rows as text
    assert.equal(select!.sql, 'select b from t where id = 1', 'SELECT is audited, not sent');
    assert.equal(select!.error_level, '0', 'SELECT is fine in check mode');
    assert.equal(missing!.sql, 'show create table nosuch');
    assert.equal(missing!.error_level, '2');
    assert.equal(missing!.error_message, "Table 'exec_show.nosuch' doesn't exist.");
    assert.equal(analyze!.error_level, '2');
    assert.match(analyze!.error_message!, /^EXPLAIN ANALYZE runs the statement/);

    // Execute mode: SHOW rows render and stay CHECKED while the rest runs.
    const executed = await h.run(database, ['show tables', 'insert into t values (3, null, null)'], '--backup=0;');
    assert.equal(executed[1]!.sql, "show tables:\n't'");
    assert.equal(executed[1]!.stage, 'CHECKED');
    assert.equal(executed[1]!.sequence, '0_0_00000001');
    assert.equal(executed[2]!.stage_status, 'Execute Successfully');

    // SELECT in execute mode blocks the batch: nothing runs.
    h.harness.settings.levels.er_not_supported_yet = 2; // the harness turns every level off
    const refused = await h.run(database, ['insert into t values (4, null, null)', 'select id from t'], '--backup=0;').finally(() => {
      h.harness.settings.levels.er_not_supported_yet = 0;
    });
    assert.equal(refused[2]!.error_level, '2');
    assert.match(refused[2]!.error_message!, /Not supported statement type\./);
    assert.equal(refused[1]!.stage, 'CHECKED');
    const [ids] = await conn.query('select id from t order by id');
    assert.deepEqual((ids as { id: number }[]).map((r) => r.id), [1, 2, 3]);
  }));

test('--trans: KILL in the middle of a transaction commits what ran, marks that row, and runs nothing more', () =>
  inDatabase('exec_trans_kill', async (conn, database) => {
    await conn.query('create table t (id int primary key, a int not null)');
    await conn.query('insert into t values (1, 0)');
    const original = await tableRows(conn, 't');
    const session = h.harness.session();
    const running = h.run(database, [
      'insert into t values (2, 0)',
      'update t set a = sleep(1) + 5 where id = 1',
      'insert into t values (3, 0)',
    ], '--trans=3;', session);
    // Kill while the slow UPDATE runs on the target (inside the open transaction).
    await until(conn, "select count(*) from information_schema.processlist where info like 'update t set a = sleep%'");
    session.process.kill('query');
    const rows = await running;
    const [, ins2, upd, ins3] = rows;
    assert.equal(ins2!.stage_status, 'Execute Successfully\nBackup Successfully');
    assert.equal(upd!.stage_status, 'Execute Successfully\nBackup Successfully');
    assert.equal(upd!.error_message, 'Execute: Operation has been killed!');
    assert.equal(ins3!.stage, 'CHECKED');
    assert.equal(await tableRows(conn, 't'), '1:5 2:0');
    for (const sql of await archeryRollback(conn, rows)) await conn.query(sql);
    assert.equal(await tableRows(conn, 't'), original);
  }));
