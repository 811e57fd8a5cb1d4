// MariaDB's `SET STATEMENT … FOR <statement>` in a batch (docs/parsing.md, "SET STATEMENT … FOR"): Archery sends
// its one-click rollback and other statements so. The inner statement is audited and backed up as the statement,
// the full text is executed and kept in the row's `sql` and the information row's `sql_statement`.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import mysql from 'mysql2/promise';
import { batchHarness } from '../../support/batch.js';
import { freshDatabase } from '../../support/mariadb.js';
import { archeryRollback, backupHarness, showCreate, tableChecksum, type BackupHarness } from './support.js';

let h: BackupHarness;
before(async () => {
  h = await backupHarness();
});

test('SET STATEMENT … FOR DML and DDL in a batch: executed as written, backed up like the inner statement, rolled back exactly', async () => {
  const database = await freshDatabase('bk_set_statement');
  const conn = await mysql.createConnection({ ...h.db, database, charset: 'utf8mb4' });
  try {
    await conn.query('create table t (id int primary key, a int, b varchar(20)) engine=InnoDB');
    await conn.query("insert into t values (1, 10, 'x'), (2, 20, 'y'), (3, 30, 'z'), (4, 40, 'w')");
    const before = await tableChecksum(conn, 't', ['id', 'a', 'b']);
    const createBefore = await showCreate(conn, database, 't');
    const statements = [
      "SET STATEMENT max_statement_time=10 FOR update t set a = a + 1, b = 'u' where id <= 2",
      'set statement max_statement_time = 10, sql_mode = \'STRICT_ALL_TABLES\' for delete from t where id = 4',
      "SET STATEMENT max_statement_time=10 FOR insert into t (id, a, b) values (9, 90, 'n')",
      'SET STATEMENT lock_wait_timeout=5 FOR alter table t add column c int not null default 7 after a',
    ];
    const rows = await h.run(database, statements);
    const ran = rows.slice(1);
    assert.deepEqual(ran.map((r) => r.sql), statements);
    for (const r of ran) {
      assert.equal(r.error_level, '0', `${r.sql}: ${r.error_message}`);
      assert.equal(r.stage_status, 'Execute Successfully\nBackup Successfully', `${r.sql}: ${r.error_message}`);
    }
    assert.deepEqual(ran.map((r) => r.affected_rows), ['2', '1', '1', '0']);
    // max_statement_time really applied to the statement, and the statements really ran
    const [[row]] = (await conn.query('select a, b, c from t where id = 1')) as unknown as [[{ a: number; b: string; c: number }]];
    assert.deepEqual({ ...row }, { a: 11, b: 'u', c: 7 });
    // the information rows: full text, the inner statement's type
    const [info] = (await conn.query(
      `select sql_statement, type, tablename from \`${ran[0]!.backup_dbname}\`.\`$_$Inception_backup_information$_$\` where opid_time in (?) order by opid_time`,
      [ran.map((r) => r.sequence!.replace(/'/g, ''))],
    )) as unknown as [{ sql_statement: string; type: string; tablename: string }[]];
    assert.deepEqual(info.map((i) => [i.sql_statement, i.type, i.tablename]), [
      [statements[0], 'UPDATE', 't'],
      [statements[1], 'DELETE', 't'],
      [statements[2], 'INSERT', 't'],
      [statements[3], 'ALTERTABLE', 't'],
    ]);
    for (const sql of await archeryRollback(conn, rows)) await conn.query(sql);
    assert.equal(await tableChecksum(conn, 't', ['id', 'a', 'b']), before);
    assert.equal(await showCreate(conn, database, 't'), createBefore);
  } finally {
    await conn.end();
  }
});

test('SET STATEMENT … FOR: the inner statement is audited with the default rules (check mode)', async () => {
  const database = await freshDatabase('bk_set_statement_audit');
  const conn = await mysql.createConnection({ ...h.db, database, charset: 'utf8mb4' });
  try {
    await conn.query('create table t (id int primary key, a int) engine=InnoDB');
    await conn.query('insert into t values (1, 1), (2, 2)');
    const harness = batchHarness();
    const result = await harness.run(
      `/*--user='${h.db.user}';--password='${h.db.password}';--host='${h.db.host}';--port=${h.db.port};--check=1;*/\n` +
        `inception_magic_start;\nuse \`${database}\`;\n` +
        'SET STATEMENT max_statement_time=10 FOR update t set a = 2 where id = 1;\n' +
        'SET STATEMENT max_statement_time=10 FOR update no_such_table set a = 1 where id = 1;\n' +
        'SET STATEMENT max_statement_time=10 FOR delete from t;\n' +
        'inception_magic_commit;',
    );
    assert.equal(result.kind, 'rows');
    if (result.kind !== 'rows') return;
    const rows = result.rows.map((v) => ({ level: String(v[2]), message: String(v[4]), sql: String(v[5]), affected: String(v[6]) }));
    assert.equal(rows[1]!.level, '0', rows[1]!.message);
    assert.equal(rows[1]!.affected, '1', 'the inner UPDATE was EXPLAINed');
    assert.equal(rows[2]!.level, '2');
    assert.match(rows[2]!.message, /Table '.*no_such_table' doesn't exist/);
    assert.equal(rows[3]!.affected, '2', 'the inner DELETE was counted');
    assert.equal(rows[3]!.sql, 'SET STATEMENT max_statement_time=10 FOR delete from t');
  } finally {
    await conn.end();
  }
});
