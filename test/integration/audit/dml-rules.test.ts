// DML audit through inceptor (a check batch with the magic comment) against the real MariaDB: multi-table UPDATE
// and DELETE resolution, the INSERT column list, and the checks that depend on the target's sql_mode (date/time
// validity, strict integer values, ONLY_FULL_GROUP_BY) — with the server itself refusing what the audit flags.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'mysql2/promise';
import type { Value } from '../../../src/protocol/result.js';
import { batchHarness, checkRows, messageLines, type BatchHarness } from '../../support/batch.js';
import { directConnection, freshDatabase, testDb } from '../../support/mariadb.js';

const DB = 'h13_dml_rules';
let conn: Connection;

before(async () => {
  await freshDatabase(DB);
  conn = await directConnection(DB);
  await conn.query('CREATE TABLE t1 (id INT PRIMARY KEY, a INT NOT NULL, b VARCHAR(10), d DATE, KEY ix_a (a))');
  await conn.query('CREATE TABLE t2 (id INT PRIMARY KEY, c INT, b VARCHAR(10))');
  await conn.query('INSERT INTO t1 VALUES (1, 1, "x", "2020-01-01"), (2, 2, "y", NULL)');
  await conn.query('INSERT INTO t2 VALUES (1, 5, "p"), (2, 6, "q")');
});

after(async () => {
  await conn.end();
});

/** Audits `sqls` in one check batch; each statement's messages (error_message split), without the `use` row. */
async function check(harness: BatchHarness, sqls: string[]): Promise<string[][]> {
  const rows = await checkRows(harness, DB, sqls);
  assert.equal(rows.length, sqls.length);
  return messageLines(rows);
}

test('multi-table UPDATE and DELETE: aliases, derived tables, subqueries, USING; the first SET column decides', async () => {
  const out = await check(batchHarness(), [
    'update t1 x join (select id, c from t2) d on x.id = d.id set x.a = d.c where d.c > 0',
    'update t1 set b = (select max(t2.b) from t2 where t2.id = t1.id) where id in (select id from t2)',
    'update t1 set zz = 1 where nope = 1',
    'update t1 x set a = 1, zz = 2 where id = 1',
    'update t1 x join t2 y on x.id = y.id set y.qq = 1, x.zz = 2',
    'update t1 join t2 on t1.id = t2.id set b = "q" where t1.id = 1',
    'delete x from t1 x join t2 y on x.id = y.id where y.c = 1',
    'delete from x using t1 x join t2 y on x.id = y.id where y.nope = 1',
    'delete q from t1 x join t2 y on x.id = y.id where y.c = 1',
  ]);
  assert.deepEqual(out, [
    [],
    [],
    ["Column 'zz' not existed."],
    ["Column 'x.zz' not existed."],
    ["Column 'y.qq' not existed."],
    ["Column 'b' in field list is ambiguous."],
    [],
    ["Column 'y.nope' not existed."],
    [`Table '${DB}.q' doesn't exist.`],
  ]);
});

test('INSERT column list: missing columns, then a repeated one ends the statement', async () => {
  const out = await check(batchHarness(), ['insert into t1 (id, zz, a, a) values (1, 2, 3, null)', 'insert into t1 (id, a) values (3, null)']);
  assert.deepEqual(out, [["Column 't1.zz' not existed.", "Column 'a' specified twice in table 't1'."], [`Column '${DB}.t1.a' cannot be null in 1 row.`]]);
});

const SQL_MODE_BATCH = [
  "insert into t1 (id, a, d) values (10, 1, '0000-00-00')",
  "insert into t1 (id, a, d) values (11, 'x', '2020-02-30')",
  'select b, count(*) from t1',
  'select a, b from t1 group by a',
  'select id, b from t1 group by id',
  'select a, count(*) from t1 group by a order by a',
];

test('strict, NO_ZERO_DATE and ONLY_FULL_GROUP_BY on the target: dates, integers and grouping are checked', async () => {
  const harness = batchHarness();
  harness.settings.inc.sql_mode = 'STRICT_TRANS_TABLES,NO_ZERO_DATE,ONLY_FULL_GROUP_BY';
  assert.deepEqual(await check(harness, SQL_MODE_BATCH), [
    [`Incorrect datetime value: '0000-00-00'(column '${DB}.t1.d')`],
    ["Incorrect integer value: 'x' for column 'a' at row 1.", `Incorrect datetime value: '2020-02-30'(column '${DB}.t1.d')`],
    ["In aggregated query without GROUP BY, expression #1 of SELECT list contains nonaggregated column 'b'; this is incompatible with sql_mode=only_full_group_by."],
    ["Expression #2 of SELECT list is not in GROUP BY clause and contains nonaggregated column 'b' which is not functionally dependent on columns in GROUP BY clause; this is incompatible with sql_mode=only_full_group_by."],
    // MariaDB does not take b as dependent on the grouped primary key
    ["Expression #2 of SELECT list is not in GROUP BY clause and contains nonaggregated column 'b' which is not functionally dependent on columns in GROUP BY clause; this is incompatible with sql_mode=only_full_group_by."],
    [],
  ]);
  // the server agrees: it refuses the flagged statements under the same sql_mode and runs the last one
  await conn.query("SET SESSION sql_mode = 'STRICT_TRANS_TABLES,NO_ZERO_DATE,ONLY_FULL_GROUP_BY'");
  for (const sql of SQL_MODE_BATCH.slice(0, 5)) await assert.rejects(conn.query(sql), sql);
  await conn.query(SQL_MODE_BATCH[5]!);
});

test('a lenient sql_mode: zero dates, non-numeric strings and loose grouping pass; an impossible date still fails', async () => {
  const harness = batchHarness();
  harness.settings.inc.sql_mode = 'NO_ENGINE_SUBSTITUTION';
  assert.deepEqual(await check(harness, SQL_MODE_BATCH), [[], [`Incorrect datetime value: '2020-02-30'(column '${DB}.t1.d')`], [], [], [], []]);
  await conn.query("SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION'");
  await conn.query(SQL_MODE_BATCH[0]!);
  await conn.query(SQL_MODE_BATCH[2]!);
  await conn.query(SQL_MODE_BATCH[3]!);
});

test('empty VALUES rows, the value DEFAULT, UPDATE IGNORE, .5 and the NULL-safe <=>: audited, and executed as the server runs them', async () => {
  await conn.query('CREATE TABLE t3 (id INT AUTO_INCREMENT PRIMARY KEY, n INT DEFAULT 7, s VARCHAR(5) DEFAULT "dflt")');
  const harness = batchHarness();
  assert.deepEqual(
    await check(harness, ['insert into t3 values ()', 'insert into t3 () values (), ()', 'update t1 set b = "z" where d <=> null', 'delete from t2 where c <=> 5 and b != null']),
    [['Set the values list for insert statements.'], ['Set the values list for insert statements.', 'Set the values list for insert statements.'], [], []],
  );
  // with the code at level 0 the batch executes: the server gives each empty row the column defaults
  harness.settings.setLevel('er_with_insert_values', '0');
  const db = await testDb();
  const result = await harness.run(
    `/*--user='${db.user}';--password='${db.password}';--host='${db.host}';--port=${db.port};--execute=1;*/\n` +
      `inception_magic_start;\nuse ${DB};\ninsert into t3 () values (), ();\nupdate t3 set s = 'x' where n <=> 7 and id <=> 1;\n` +
      `insert into t3 (id, n, s) values (3, default, 'y');\nupdate t3 set s = default where id = 3;\nupdate ignore t3 set n = n + .5 where id = 3;\ninception_magic_commit;`,
  );
  assert.equal(result.kind, 'rows');
  if (result.kind !== 'rows') return;
  const rows = (result.rows as Value[][]).slice(1);
  assert.deepEqual(rows.map((r) => [r[2], r[4], r[6]]), [['0', null, '2'], ['0', null, '1'], ['0', null, '1'], ['0', null, '1'], ['0', null, '1']]);
  const [stored] = await conn.query('SELECT id, n, s FROM t3 ORDER BY id');
  assert.deepEqual(stored, [{ id: 1, n: 7, s: 'x' }, { id: 2, n: 7, s: 'dflt' }, { id: 3, n: 8, s: 'dflt' }]);
});
