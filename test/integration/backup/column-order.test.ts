// DML after an ALTER that puts columns FIRST or AFTER another (ADD, MODIFY, CHANGE), in one batch with --backup=1:
// every statement decodes against its own column order and the whole batch rolls back exactly (docs/binlog.md,
// "Columns: never mislabelled"; the audit snapshot's order, docs/audit.md).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import mysql from 'mysql2/promise';
import { freshDatabase } from '../../support/mariadb.js';
import { archeryRollback, backupHarness, showCreate, tableChecksum, type BackupHarness } from './support.js';

let h: BackupHarness;
before(async () => {
  h = await backupHarness();
});

test('DML after ALTER … FIRST / AFTER (ADD, MODIFY, CHANGE) in one batch decodes and rolls back exactly', async () => {
  const database = await freshDatabase('bk_column_order');
  const conn = await mysql.createConnection({ ...h.db, database, charset: 'utf8mb4' });
  try {
    await conn.query("create table t (id int primary key, a int, b varchar(20), d datetime(3) null) engine=InnoDB default charset=utf8mb4");
    await conn.query("insert into t values (1, 10, 'x', '2024-01-01 00:00:00.5'), (2, 20, 'y', null), (3, 30, 'z', '2024-02-02 01:02:03.004')");
    const before = await tableChecksum(conn, 't', ['id', 'a', 'b', 'd']);
    const createBefore = await showCreate(conn, database, 't');
    const statements = [
      "alter table t add column c int not null default 5 first",
      "update t set a = a + 1, b = concat(b, '-1'), c = 6 where id <= 2",
      "alter table t add column e varchar(10) null default 'e' after a",
      "delete from t where id = 3",
      "alter table t modify column b varchar(30) first, change column d d2 datetime(3) null after id",
      "insert into t (id, a, b, d2, c, e) values (7, 70, 'seven', '2024-03-03 00:00:00.1', 1, 'ee')",
      "update t set b = 'moved', d2 = '2025-01-01 00:00:00', e = 'f' where id in (1, 7)",
    ];
    const rows = await h.run(database, statements);
    const ran = rows.slice(1);
    assert.deepEqual(ran.map((r) => r.sql), statements);
    for (const r of ran) assert.equal(r.stage_status, 'Execute Successfully\nBackup Successfully', `${r.sql}: ${r.error_message}`);
    const rollback = await archeryRollback(conn, rows);
    // the DML rollback names the columns by the order each statement ran against
    assert.ok(rollback.includes("INSERT INTO `bk_column_order`.`t`(`c`,`id`,`a`,`e`,`b`,`d`) VALUES(5,3,30,'e','z','2024-02-02 01:02:03.004');"), rollback.join('\n'));
    assert.ok(rollback.includes("DELETE FROM `bk_column_order`.`t` WHERE `id`=7;"), rollback.join('\n'));
    assert.ok(rollback.some((s) => s.startsWith("UPDATE `bk_column_order`.`t` SET `b`='x-1', `c`=6, `id`=1, `d2`='2024-01-01 00:00:00.500', `a`=11, `e`='e' WHERE")), rollback.join('\n'));
    for (const sql of rollback) await conn.query(sql);
    assert.equal(await tableChecksum(conn, 't', ['id', 'a', 'b', 'd']), before);
    assert.equal(await showCreate(conn, database, 't'), createBefore);
  } finally {
    await conn.end();
  }
});
