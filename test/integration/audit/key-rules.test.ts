// Index, foreign-key, partition, type-change, merge-ALTER and engine-list rules through whole batches on the mariadb
// CLI, in en-US and zh-CN, against tables whose indexes, foreign keys, partitions and column types live on the real
// MariaDB target (docs/audit.md "Index rules", "Foreign-key rules", "Partition rules").
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { directConnection, freshDatabase, testDb, type TestDb } from '../../support/mariadb.js';
import { startTestInceptor, type RunningInceptor } from '../clients/inceptor-under-test.js';
import { cliProbe } from '../clients/probes.js';
import { requireTool } from '../clients/support.js';

const DB = 'audit_key_rules';
let inceptor: RunningInceptor;
let db: TestDb;

before(async () => {
  requireTool('mariadb', 'apt-get install -y mariadb-client');
  await freshDatabase(DB);
  const conn = await directConnection(DB);
  await conn.query('CREATE TABLE p (id INT PRIMARY KEY, code VARCHAR(20) NOT NULL, note VARCHAR(20) NULL, KEY ix_code (code))');
  await conn.query('CREATE TABLE c (id INT PRIMARY KEY, pid INT, CONSTRAINT fk_c_p FOREIGN KEY (pid) REFERENCES p (id))');
  await conn.query(
    'CREATE TABLE r (id INT NOT NULL, PRIMARY KEY (id)) PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10), PARTITION p1 VALUES LESS THAN (20))',
  );
  await conn.end();
  db = await testDb();
  inceptor = await startTestInceptor();
  Object.assign(inceptor.settings.inc, {
    enable_partition_table: true,
    enable_foreign_key: true,
    check_index_column_repeat: true,
    max_keys: 2,
    merge_alter_table: true,
  });
});

after(async () => {
  await inceptor?.close();
});

const STATEMENTS = [
  'alter table p add index ix_code_note (code, note)',
  'alter table p drop primary key, add primary key (id, note)',
  'alter table p modify code varchar(10) not null',
  'alter table c add constraint fk_c_p foreign key (pid) references p (id)',
  'alter table c drop foreign key fk_nope',
  'alter table r add partition (partition P1 values less than (30))',
  'alter table r add partition (partition p2 values less than (20))',
  'alter table r drop partition p7',
  'create table n1 (id int primary key, c int, key (c)) engine = MyISAM',
  'alter table p row_format = dynamic',
];

/** The error_message column of each statement row (the USE row first, left out). */
async function messages(setup: string[] = []): Promise<(string | null)[]> {
  const batch = [
    `/*--user=${db.user};--password=${db.password};--host=${db.host};--port=${db.port};--check=1;*/`,
    'inception_magic_start;',
    `use ${DB};`,
    ...STATEMENTS.map((s) => `${s};`),
    'inception_magic_commit;',
  ].join('\n');
  const out = await cliProbe({ port: inceptor.port, user: 'root', password: null, queries: [...setup, batch] });
  assert.ok('results' in out, JSON.stringify(out));
  const result = out.results[out.results.length - 1]!;
  assert.ok('rows' in result, JSON.stringify(result));
  return result.rows.slice(1).map((r) => r[4] ?? null);
}

test('index, FK, partition, type-change and merge-ALTER messages in en-US and zh-CN, read from the target', async () => {
  inceptor.settings.inc.lang = 'en-US';
  assert.deepEqual(await messages(), [
    "Column repeat index 'ix_code_note' defined on the table 'p.ix_code' column('code,').\nToo many keys specified in table 'p', max 2 keys allowed.",
    "Merge the alter statement for table 'p' to ONE.\nAll parts of a PRIMARY KEY must be NOT NULL; if you need NULL in a key, use UNIQUE instead\nToo many keys specified in table 'p', max 2 keys allowed.",
    "Merge the alter statement for table 'p' to ONE.\nType conversion warning for column 'p.code' varchar(20) -> varchar(10).",
    "Duplicate foreign key constraint name 'fk_c_p'",
    "Merge the alter statement for table 'c' to ONE.\nCan't DROP 'fk_nope'; check that column/key exists.",
    'Duplicate partition name p1',
    "Merge the alter statement for table 'r' to ONE.\nDuplicate partition constant definition: '20'",
    "Merge the alter statement for table 'r' to ONE.\nPartition 'p7' does not exist",
    "Set engine to one of 'innodb'\nIncorrect index name 'NULL' in table 'n1'.",
    "Merge the alter statement for table 'p' to ONE.\nNot supported statement of alter option",
  ]);
  const zh = await messages(["inception set lang = 'zh-CN'"]);
  assert.deepEqual(zh, [
    "索引 'ix_code_note' 的字段与索引 'p.ix_code' 存在重复字段('code,').\n表 'p' 指定了太多索引, 最多允许 2 个.",
    "表 'p' 的多个alter操作请合并成一个.\n主键的所有列必须为NOT NULL,如需要NULL列,请改用唯一索引\n表 'p' 指定了太多索引, 最多允许 2 个.",
    "表 'p' 的多个alter操作请合并成一个.\n类型转换警告: 列 'p.code' varchar(20) -> varchar(10).",
    // no Chinese template: en-US, as goInception falls back
    "Duplicate foreign key constraint name 'fk_c_p'",
    "表 'c' 的多个alter操作请合并成一个.\n无法删除 'fk_nope'; 请检查字段/键是否存在.",
    '分区名重复: p1',
    "表 'r' 的多个alter操作请合并成一个.\n重复的分区范围定义: '20'",
    "表 'r' 的多个alter操作请合并成一个.\n分区 'p7' 不存在",
    "允许的存储引擎: 'innodb'.\n索引 'NULL' 名称不正确(表 'n1').",
    "表 'p' 的多个alter操作请合并成一个.\nNot supported statement of alter option",
  ]);
});
