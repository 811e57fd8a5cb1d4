// DDL rollback, mapping by mapping: run the DDL through inceptor with --backup=1, read the rollback back with
// Archery's two queries, apply it, and compare SHOW CREATE TABLE/VIEW with what it was before.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { directConnection } from '../../support/mariadb.js';
import { archeryRollback, backupHarness, showCreate, type BackupHarness } from './support.js';
import { backupDbName } from '../../../src/backup/name.js';

let h: BackupHarness;
const databases: string[] = [];

before(async () => {
  h = await backupHarness();
});

after(async () => {
  const c = await directConnection();
  for (const d of databases) {
    await c.query(`drop database if exists \`${d}\``);
    await c.query(`drop database if exists \`${backupDbName(h.db.host, h.db.port, d)}\``);
  }
  await c.end();
});

const RICH = `create table rich (
  id int not null auto_increment,
  n int default 7 comment 'n''s',
  c varchar(20) character set latin1 collate latin1_bin default 'a''b' comment 'it''s',
  g int as (n + 1) virtual,
  ts timestamp(3) not null default current_timestamp(3) on update current_timestamp(3),
  d decimal(10,2) unsigned not null default 1.50,
  e enum('x','y') not null default 'y',
  primary key (id),
  unique key uc (c(5)),
  fulltext key ft (c),
  key k2 (g) comment 'kc',
  key kn (n, d)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci comment='rich ''table''' row_format=dynamic`;

interface Case {
  name: string;
  setup?: string[];
  ddl: string[];
  tables?: string[];
  views?: string[];
  /** Rollback statements expected (exact), when the case pins them. */
  expect?: (db: string) => string[];
}

const CASES: Case[] = [
  { name: 'CREATE TABLE → DROP TABLE', ddl: ['create table n1 (id int primary key)'], tables: ['n1'], expect: (db) => [`DROP TABLE \`${db}\`.\`n1\`;`] },
  {
    name: 'CREATE TABLE IF NOT EXISTS on an existing table → nothing',
    setup: ['create table e1 (id int primary key, x int)'],
    ddl: ['create table if not exists e1 (id int primary key)'],
    tables: ['e1'],
    expect: () => [],
  },
  { name: 'CREATE TABLE … LIKE → DROP TABLE', setup: [RICH], ddl: ['create table rich2 like rich'], tables: ['rich', 'rich2'] },
  { name: 'CREATE VIEW → DROP VIEW', setup: ['create table b (id int primary key, c int)'], ddl: ['create view v1 as select id from b'], views: ['v1'] },
  {
    name: 'CREATE OR REPLACE VIEW → the old definition',
    setup: ['create table b (id int primary key, c int)', 'create view v2 as select id from b'],
    ddl: ['create or replace view v2 as select id, c from b'],
    views: ['v2'],
  },
  {
    name: 'DROP TABLE of several tables → every table back',
    setup: [RICH, 'create table d2 (id int primary key, x varchar(3) default null)'],
    ddl: ['drop table rich, d2'],
    tables: ['rich', 'd2'],
  },
  { name: 'DROP VIEW → CREATE VIEW', setup: ['create table b (id int primary key)', 'create view v3 as select id from b'], ddl: ['drop view v3'], views: ['v3'] },
  {
    name: 'RENAME TABLE pairs → reversed',
    setup: ['create table ra (id int primary key)', 'create table rc (id int primary key)'],
    ddl: ['rename table ra to rb, rc to rd'],
    tables: ['ra', 'rb', 'rc', 'rd'],
  },
  { name: 'CREATE FULLTEXT / prefix INDEX → DROP INDEX', setup: [RICH], ddl: ['create fulltext index ft2 on rich (c)', 'create index p5 on rich (c(3))'], tables: ['rich'] },
  { name: 'DROP INDEX (FULLTEXT, prefix UNIQUE) → the same index back', setup: [RICH], ddl: ['drop index ft on rich', 'drop index uc on rich'], tables: ['rich'] },
  { name: 'TRUNCATE → nothing', setup: ['create table tr (id int primary key)', 'insert into tr values (1)'], ddl: ['truncate table tr'], expect: () => [] },
  { name: 'ALTER ADD COLUMN → DROP COLUMN', setup: [RICH], ddl: ["alter table rich add column z int not null default 3 comment 'z' after n"], tables: ['rich'] },
  { name: 'ALTER DROP COLUMN → the exact old column in its place', setup: [RICH], ddl: ['alter table rich drop column c, drop column e'], tables: ['rich'] },
  { name: 'ALTER MODIFY → old type, default, charset, comment', setup: [RICH], ddl: ['alter table rich modify c varchar(40) not null'], tables: ['rich'] },
  { name: 'ALTER MODIFY … FIRST → old position', setup: [RICH], ddl: ['alter table rich modify d decimal(10,2) unsigned not null default 1.50 first'], tables: ['rich'] },
  { name: 'ALTER CHANGE → old name and definition', setup: [RICH], ddl: ['alter table rich change n n2 bigint'], tables: ['rich'] },
  { name: 'ALTER RENAME COLUMN → back', setup: [RICH], ddl: ['alter table rich rename column n to n3'], tables: ['rich'] },
  { name: 'ALTER generated column expression → old expression', setup: [RICH], ddl: ['alter table rich modify g int as (n * 2) virtual'], tables: ['rich'] },
  { name: 'ALTER COLUMN SET DEFAULT → old default', setup: [RICH], ddl: ['alter table rich alter column n set default 9'], tables: ['rich'] },
  { name: 'ALTER COLUMN DROP DEFAULT → old default', setup: [RICH], ddl: ['alter table rich alter column e drop default'], tables: ['rich'] },
  { name: 'ALTER ADD INDEX / UNIQUE → DROP INDEX', setup: [RICH], ddl: ['alter table rich add index ix (d), add unique key ux (n, ts)'], tables: ['rich'] },
  { name: 'ALTER DROP PRIMARY KEY / ADD PRIMARY KEY', setup: [RICH, 'create table pk (id int not null, x int not null)'], ddl: ['alter table rich modify id int not null, drop primary key', 'alter table pk add primary key (x, id)'], tables: ['rich', 'pk'] },
  { name: 'ALTER DROP INDEX (FULLTEXT, prefix) → exact index', setup: [RICH], ddl: ['alter table rich drop index ft, drop index uc, drop index kn'], tables: ['rich'] },
  { name: 'ALTER RENAME INDEX → back', setup: [RICH], ddl: ['alter table rich rename index k2 to k3'], tables: ['rich'] },
  { name: 'ALTER INDEX IGNORED → NOT IGNORED', setup: [RICH], ddl: ['alter table rich alter index k2 ignored'], tables: ['rich'] },
  { name: 'ALTER RENAME TO → back', setup: [RICH], ddl: ['alter table rich rename to rich_new'], tables: ['rich', 'rich_new'] },
  { name: 'ALTER table options only → old options', setup: [RICH], ddl: ["alter table rich comment = 'other', row_format = compact"], tables: ['rich'] },
  { name: 'ALTER CONVERT TO CHARACTER SET → old charsets everywhere', setup: [RICH], ddl: ['alter table rich convert to character set utf8mb3'], tables: ['rich'] },
  {
    name: 'several ALTERs in one batch → undone in reverse',
    setup: [RICH],
    ddl: ['alter table rich add column a1 int', 'alter table rich drop column a1, drop column d', "alter table rich comment = 'x'", 'alter table rich add index ia (ts)'],
    tables: ['rich'],
  },
];

CASES.forEach((c, i) => {
  test(`DDL rollback: ${c.name}`, async () => {
    const database = `bk_ddl_${i}`;
    databases.push(database);
    const conn = await directConnection();
    try {
      await conn.query(`drop database if exists \`${database}\``);
      await conn.query(`create database \`${database}\``);
      await conn.query(`use \`${database}\``);
      for (const s of c.setup ?? []) await conn.query(s);
      const snapshot = async () => [
        ...(await Promise.all((c.tables ?? []).map((t) => showCreate(conn, database, t)))),
        ...(await Promise.all((c.views ?? []).map((v) => showCreate(conn, database, v, 'VIEW')))),
      ];
      const beforeState = await snapshot();
      const rows = await h.run(database, c.ddl);
      const ddlRows = rows.slice(1);
      for (const r of ddlRows) {
        assert.equal(r.error_level, '0', `${r.sql}: ${r.error_message}`);
        assert.equal(r.stage_status, 'Execute Successfully\nBackup Successfully', r.sql!);
        assert.equal(r.backup_dbname, backupDbName(h.db.host, h.db.port, database));
      }
      assert.equal(rows[0]!.backup_dbname, null, 'USE has no backup');
      const rollback = await archeryRollback(conn, rows);
      if (c.expect) assert.deepEqual(rollback, c.expect(database));
      for (const s of rollback) await conn.query(s);
      assert.deepEqual(await snapshot(), beforeState, `rollback:\n${rollback.join('\n')}`);
    } finally {
      await conn.end();
    }
  });
});
