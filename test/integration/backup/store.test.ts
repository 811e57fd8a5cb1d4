// What lands on the backup server besides the rollback itself (docs/backup.md): information rows and their
// columns, statuses of failed and not-backed-up statements, and goInception's older information tables reused.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { directConnection, freshDatabase } from '../../support/mariadb.js';
import { backupHarness, type BackupHarness } from './support.js';
import { backupDbName, INFO_TABLE } from '../../../src/backup/name.js';

const DB = 'bk_store';
const OLD_DB = 'bk_store_old';
let h: BackupHarness;

before(async () => {
  h = await backupHarness();
  await freshDatabase(DB);
  await freshDatabase(OLD_DB);
});

after(async () => {
  const c = await directConnection();
  for (const d of [DB, OLD_DB]) {
    await c.query(`drop database if exists \`${d}\``);
    await c.query(`drop database if exists \`${backupDbName(h.db.host, h.db.port, d)}\``);
  }
  await c.end();
});

test('information rows: one per backed-up DDL with its type and sequence; failed and database statements get none', async () => {
  const rows = await h.run(DB, [
    "create table t1 (id int primary key, c varchar(10) default 'it''s')",
    'create index ic on t1 (c)',
    'alter table t1 add column d int',
    'truncate table t1',
    'create view v1 as select id from t1',
    'create database if not exists bk_store_extra',
    'create table t1 (id int)',
    'drop table t1',
  ]);
  const schema = backupDbName(h.db.host, h.db.port, DB);
  const status = rows.map((r) => [r.sql!.split(' ').slice(0, 2).join(' '), r.stage_status, r.backup_dbname]);
  assert.deepEqual(status, [
    ['use `bk_store`', 'Execute Successfully', null],
    ['create table', 'Execute Successfully\nBackup Successfully', schema],
    ['create index', 'Execute Successfully\nBackup Successfully', schema],
    ['alter table', 'Execute Successfully\nBackup Successfully', schema],
    ['truncate table', 'Execute Successfully\nBackup Successfully', schema],
    ['create view', 'Execute Successfully\nBackup Successfully', schema],
    ['create database', 'Execute Successfully', null],
    ['create table', 'Execute failed', null],
    ['drop table', 'Audit Completed', null],
  ]);
  const c = await directConnection(schema);
  try {
    const [info] = await c.query(`select opid_time, start_binlog_file, start_binlog_pos, end_binlog_file, end_binlog_pos, sql_statement, host, dbname, tablename, port, type, time is not null as has_time from \`${INFO_TABLE}\` order by opid_time`);
    assert.deepEqual(info, [
      [1, 'CREATETABLE', 't1'], [2, 'CREATEINDEX', 't1'], [3, 'ALTERTABLE', 't1'], [4, 'UNKNOWN', 't1'], [5, 'UNKNOWN', 'v1'],
    ].map(([i, type, table]) => ({
      opid_time: rows[i as number]!.sequence,
      start_binlog_file: '',
      start_binlog_pos: 0,
      end_binlog_file: '',
      end_binlog_pos: 0,
      sql_statement: rows[i as number]!.sql,
      host: h.db.host,
      dbname: DB,
      tablename: table,
      port: h.db.port,
      type,
      has_time: 1,
    })));
    const [keys] = await c.query("show index from t1 where Key_name = 'idx_opid_time'");
    assert.equal((keys as unknown[]).length, 1, 'rollback tables carry idx_opid_time');
    const [truncateRollback] = await c.query('select count(*) n from t1 where opid_time = ?', [rows[4]!.sequence]);
    assert.deepEqual(truncateRollback, [{ n: 0 }]);
  } finally {
    await c.query('drop database if exists bk_store_extra');
    await c.end();
  }
});

test("goInception's older information table (TEXT statement, host varchar(64)) is reused: long statements cut, short host", async () => {
  const schema = backupDbName(h.db.host, h.db.port, OLD_DB);
  const c = await directConnection();
  try {
    await c.query(`drop database if exists \`${schema}\``);
    await c.query(`create database \`${schema}\``);
    await c.query(
      `create table \`${schema}\`.\`${INFO_TABLE}\` (opid_time varchar(50), start_binlog_file varchar(512), start_binlog_pos int, ` +
        'end_binlog_file varchar(512), end_binlog_pos int, sql_statement text, host VARCHAR(4), dbname VARCHAR(64), tablename VARCHAR(64), ' +
        'port INT, time TIMESTAMP, type VARCHAR(20), PRIMARY KEY(opid_time)) ENGINE INNODB DEFAULT CHARSET UTF8MB4',
    );
    const text = '😀'.repeat(17_000); // 68000 bytes: more than TEXT holds
    const rows = await h.run(OLD_DB, [`create view wide as select '${text}' as x`]);
    assert.equal(rows[1]!.stage_status, 'Execute Successfully\nBackup Successfully', rows[1]!.error_message ?? '');
    const [info] = await c.query(`select host, length(sql_statement) n, right(sql_statement, 4) tail from \`${schema}\`.\`${INFO_TABLE}\``);
    const r = (info as { host: string; n: number; tail: string }[])[0]!;
    assert.equal(r.host, h.db.host.slice(0, 4));
    assert.ok(r.n <= 65535 && r.n > 65000, `cut to the TEXT limit at a character boundary: ${r.n}`);
    assert.equal(r.tail, '😀...');
  } finally {
    await c.end();
  }
});
