// Plan warnings (docs/audit.md "Peer rules", peer codes 1010–1012) from the EXPLAIN the affected-rows estimate runs
// on the real MariaDB (pipelined for UPDATE/DELETE): full scan, filesort, temporary; an indexed lookup says nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'mysql2/promise';
import { batchHarness, checkRows, messageLines } from '../../support/batch.js';
import { directConnection, freshDatabase } from '../../support/mariadb.js';

const DB = 'h13_plan_warnings';
let conn: Connection;

before(async () => {
  await freshDatabase(DB);
  conn = await directConnection(DB);
  await conn.query('CREATE TABLE t1 (id INT PRIMARY KEY, a INT NOT NULL, b VARCHAR(10), KEY ix_a (a))');
  await conn.query('CREATE TABLE t2 (id INT PRIMARY KEY, n INT)');
  const values = Array.from({ length: 200 }, (_, i) => `(${i + 1}, ${i % 7}, 'v${i % 13}')`).join(',');
  await conn.query(`INSERT INTO t1 VALUES ${values}`);
  await conn.query('ANALYZE TABLE t1');
});

after(async () => {
  await conn.end();
});

const BATCH = [
  "update t1 set b = 'q' where b = 'v1'",
  'update t1 set b = \'q\' where id = 5',
  'delete from t1 where a = 3 order by b limit 1',
  'insert into t2 (id, n) select a, count(*) from t1 group by b',
  "update t1 set b = 'r' where b = 'v2'",
];

test('full scan, filesort and temporary from the real plan, each under its own option; fingerprints pass them on', async () => {
  const harness = batchHarness();
  Object.assign(harness.settings.inc, { check_dml_full_scan: true, check_dml_filesort: true, check_dml_temporary: true, enable_fingerprint: true });
  const rows = await checkRows(harness, DB, BATCH);
  const messages = messageLines(rows);
  // what MariaDB's own EXPLAIN says, row by row
  const plans = await Promise.all(BATCH.map(async (sql) => (await conn.query(`EXPLAIN ${sql}`))[0] as { table: string; type: string; rows: number; Extra: string }[]));
  // MariaDB shows an UPDATE reading every row as a scan of the whole primary key
  assert.match(plans[0]![0]!.type, /^(ALL|index)$/);
  assert.deepEqual(messages[0], [`Full scan of 't1' (about ${plans[0]![0]!.rows} rows examined).`]);
  assert.deepEqual(messages[1], []);
  assert.match(plans[2]!.map((p) => p.Extra).join(';'), /Using filesort/);
  assert.ok(messages[2]!.includes("Rows of 't1' are sorted without an index (Using filesort)."), messages[2]!.join('|'));
  assert.match(plans[3]!.map((p) => p.Extra).join(';'), /Using temporary/);
  assert.ok(messages[3]!.includes("A temporary table is built for 't1' (Using temporary)."), messages[3]!.join('|'));
  // the last UPDATE has the first one's fingerprint: no EXPLAIN of its own, the same warning
  assert.deepEqual(messages[4], messages[0]);
  assert.deepEqual(messages[3], [`Full scan of 't1' (about ${plans[3]![0]!.rows} rows examined).`, "Rows of 't1' are sorted without an index (Using filesort).", "A temporary table is built for 't1' (Using temporary)."]);
  assert.deepEqual(rows.map((r) => r[2]), ['1', '0', '1', '1', '1']);
  // options off (the default): the same batch has no plan warnings
  const quiet = await checkRows(batchHarness(), DB, BATCH);
  assert.ok(quiet.every((r) => r[4] === null), JSON.stringify(quiet));
});

test('INSERT … SELECT into a table created in the batch: its SELECT is EXPLAINed (affected_rows, plan); a new source is not', async () => {
  const harness = batchHarness();
  Object.assign(harness.settings.inc, { check_dml_full_scan: true });
  const sqls = [
    'create table t_bak like t1',
    'insert into t_bak select * from t1 where b = \'v3\'',
    'insert into t_bak select * from t_bak where b = \'v3\'',
    'insert into t2 (id, n) select id, a from t1 where id < 50',
  ];
  const rows = await checkRows(harness, DB, sqls);
  const [selectPlan] = (await conn.query("EXPLAIN select * from t1 where b = 'v3'")) as unknown as [{ rows: number }[]];
  const [fullPlan] = (await conn.query('EXPLAIN insert into t2 (id, n) select id, a from t1 where id < 50')) as unknown as [{ rows: number }[]];
  assert.equal(Number(rows[1]![6]), Number(selectPlan[0]!.rows));
  assert.ok(Number(rows[1]![6]) > 0);
  assert.deepEqual(String(rows[1]![4]).split('\n'), ['Select only star is not allowed.', `Full scan of 't1' (about ${selectPlan[0]!.rows} rows examined).`]);
  // the source is new: nothing to ask the server
  assert.deepEqual([rows[2]![6], rows[2]![4]], ['0', 'Select only star is not allowed.']);
  assert.equal(Number(rows[3]![6]), Number(fullPlan[0]!.rows));
});
