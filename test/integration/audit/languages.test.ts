// zh-CN through whole batches (docs/audit.md "Languages"): the mariadb CLI sends the same batch with lang
// en-US and zh-CN; each coded message comes in the session language, free texts stay as they are.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { directConnection, freshDatabase, testDb, type TestDb } from '../../support/mariadb.js';
import { startTestInceptor, type RunningInceptor } from '../clients/inceptor-under-test.js';
import { cliProbe } from '../clients/probes.js';
import { requireTool } from '../clients/support.js';

const DB = 'audit_languages';
let inceptor: RunningInceptor;
let db: TestDb;

before(async () => {
  requireTool('mariadb', 'apt-get install -y mariadb-client');
  await freshDatabase(DB);
  const conn = await directConnection(DB);
  await conn.query('CREATE TABLE t2 (id INT PRIMARY KEY, c1 INT)');
  await conn.end();
  db = await testDb();
  inceptor = await startTestInceptor();
  Object.assign(inceptor.settings.inc, { check_primary_key: true, check_table_comment: true, check_column_comment: true, check_dml_where: true, check_insert_field: true });
});

after(async () => {
  await inceptor?.close();
});

const STATEMENTS = [
  'create table t1 (c1 int)',
  'update nosuch set c1 = 1 where id = 1',
  'delete from t2',
  'insert into t2 values (1, 2)',
  'drop table t2',
  'create database audit_languages',
  'alter table t2 add column c1 int',
  "create table t3 (id int primary key comment 'id', c1 bit comment 'c1', `select` int comment 's', c2 text not null comment 'c2') comment 't3'",
];

/** The error_message column of each statement row (the USE row first). */
async function messages(setup: string[] = [], statements = STATEMENTS): Promise<(string | null)[]> {
  const batch = [
    `/*--user=${db.user};--password=${db.password};--host=${db.host};--port=${db.port};--check=1;*/`,
    'inception_magic_start;',
    `use ${DB};`,
    ...statements.map((s) => `${s};`),
    'inception_magic_commit;',
  ].join('\n');
  const out = await cliProbe({ port: inceptor.port, user: 'root', password: null, queries: [...setup, batch] });
  assert.ok('results' in out, JSON.stringify(out));
  const result = out.results[out.results.length - 1]!;
  assert.ok('rows' in result, JSON.stringify(result));
  return result.rows.slice(1).map((r) => r[4] ?? null);
}

test('the same batch in en-US and zh-CN; codes without a Chinese template and free texts stay as they are', async () => {
  inceptor.settings.inc.lang = 'en-US';
  assert.deepEqual(await messages(), [
    "Set a primary key for table 't1'.\nSet comments for table 't1'.\nColumn 'c1' in table 't1' have no comments.",
    `Table '${DB}.nosuch' doesn't exist.`,
    'Please set the where condition.',
    'Set the field list for insert statements.',
    "Drop/truncate 't2' is not allowed, please replace with alter rename statement.",
    `数据库'${DB}'已存在.`,
    "Column 't2.c1' have existed.",
    [
      "Not supported data type on field: 'c1'(bit).",
      "Identifier 'select' is keyword in MySQL.",
      "Not supported data type on field: 'c2'(text).",
      "TEXT/BLOB/JSON Column 'c2' in table 't3' can't been not null.",
    ].join('\n'),
  ]);
  // set through the CLI as an operator would; `ZH_cn` is the same language
  const zh = await messages(["inception set lang = 'ZH_cn'"]);
  assert.equal(inceptor.settings.inc.lang, 'ZH_cn');
  assert.deepEqual(zh, [
    "表 't1' 需要设置主键.\n表 't1' 需要设置注释.\n列 'c1' 需要设置注释(表't1').",
    `表 '${DB}.nosuch' 不存在.`,
    '请指定where条件.',
    'insert语句需要指定字段列表.',
    "禁用【DROP】|【TRUNCATE】删除/清空表 't2', 请改用RENAME重写.",
    `数据库'${DB}'已存在.`,
    "列 't2.c1' 已存在.",
    ["列 'c1' 数据类型(bit)不支持.", "标识符 'select' 是MySQL关键字.", "列 'c2' 数据类型(text)不支持.", "TEXT/BLOB/JSON 列 'c2' 禁止设置为not null(表't3')."].join('\n'),
  ]);
});

/** DDL codes of issue 11's last part: column/table/db qualifiers, type limits, defaults, views, index names. */
const DDL_STATEMENTS = [
  "create table t4 (id int primary key comment 'id', `c1 ` int comment 'c1', c2 char(300) comment 'c2', other.t4.c3 int comment 'c3', t9.c4 int comment 'c4', c5 datetime default current_timestamp(3) comment 'c5') comment 't4'",
  "alter table t2 modify other.t2.c1 bigint comment 'c1', add column c3 int default 0 comment 'c3'",
  'create view v1 (a, b, A) as select id, c1 from t2',
  'create index IX_C1 on t2 (c1)',
  "alter table t2 alter column c1 set default ''",
];

test('DDL codes in en-US and zh-CN: qualifiers, type limits, defaults, view column lists, index names, column count', async () => {
  const inc = inceptor.settings.inc;
  const saved = { ...inc };
  Object.assign(inc, { max_column_count: 2, enable_use_view: true, check_identifier_lower: true, lang: 'en-US' });
  try {
    assert.deepEqual(await messages([], DDL_STATEMENTS), [
      [
        "Incorrect database name 'other'.",
        "Incorrect table name 't9'",
        "Table 't4' has too many columns(limit 2,current 6)",
        "Incorrect column name 'c1 '.",
        "Column length too big for column 'c2' (max = 255); use BLOB or TEXT instead.",
        "Invalid default value for column 'c5'.",
      ].join('\n'),
      "Incorrect database name 'other'.\nTable 't2' has too many columns(limit 2,current 3)",
      "Column 'A' specified twice in table 'v1'.\nView's SELECT and view's field list have different column counts",
      "Identifier 'IX_C1' must be lowercase.",
      "Invalid default value for column 'c1'.",
    ]);
    // the type-limit text is the server's, so it stays English
    assert.deepEqual(await messages(["inception set lang = 'zh-CN'"], DDL_STATEMENTS), [
      [
        "不正确的的数据库名 'other'.",
        "不正确的表名: 't9'",
        "表't4'列数过多(上限:2,当前:6)",
        "不正确的列名: 'c1 '.",
        "Column length too big for column 'c2' (max = 255); use BLOB or TEXT instead.",
        "列 'c5' 默认值无效.",
      ].join('\n'),
      "不正确的的数据库名 'other'.\n表't2'列数过多(上限:2,当前:3)",
      "列 'A' 指定重复(表 'v1').\n视图的SELECT和视图字段列表具有不同的列数",
      "标识符 'IX_C1' 必须小写.",
      "列 'c1' 默认值无效.",
    ]);
  } finally {
    Object.assign(inc, saved);
  }
});
