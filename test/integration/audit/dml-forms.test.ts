// DML forms node-sql-parser refuses and inceptor respells (docs/parsing.md): introducers with COLLATE, adjacent
// strings, SOUNDS LIKE, lower-case MATCH … AGAINST, MariaDB's RETURNING, STRAIGHT_JOIN and NATURAL JOIN in a
// multi-table UPDATE. Each audits in one check batch without a syntax error, its tables resolved; MariaDB runs them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'mysql2/promise';
import { batchHarness, checkRows } from '../../support/batch.js';
import { directConnection, freshDatabase } from '../../support/mariadb.js';

const DB = 'h13_dml_forms';
let conn: Connection;

before(async () => {
  await freshDatabase(DB);
  conn = await directConnection(DB);
  await conn.query('CREATE TABLE t1 (id INT PRIMARY KEY, a INT NOT NULL, b VARCHAR(10), FULLTEXT KEY ft_b (b))');
  await conn.query('CREATE TABLE t2 (id INT PRIMARY KEY, a INT, c INT)');
});

after(async () => {
  await conn.end();
});

const FORMS = [
  "update t1 set b = _utf8mb4'x' COLLATE utf8mb4_bin where id = 1",
  "update t1 set b = 'a' 'b' where id = 1",
  "update t1 set a = 1 where b sounds like 'x'",
  "update t1 set a = 1 where match (b) against ('x' in boolean mode)",
  "delete from t1 where match (b) against ('x' in boolean mode)",
  'delete from t1 where id = 1 returning id, b',
  "insert into t1 (id, a, b) values (5, 1, 'x') returning id",
  'update t1 straight_join t2 on t1.id = t2.id set t1.a = t2.c',
  'update t1 natural join t2 set b = c where a = 1',
];

test('each form audits in one batch without a syntax error or any message, and MariaDB runs it', async () => {
  const rows = await checkRows(batchHarness(), DB, FORMS);
  assert.equal(rows.length, FORMS.length);
  assert.deepEqual(rows.map((r) => [r[2], r[4]]), FORMS.map(() => ['0', null]));
  for (const sql of FORMS) await conn.query(sql);
});

test('the respelled forms resolve their tables and columns', async () => {
  const rows = await checkRows(batchHarness(), DB, [
    "update t1 set b = _utf8mb4'x' COLLATE utf8mb4_bin where nope = 1",
    "delete from t1 where zz sounds like 'x' 'y' returning id",
    "update t1 set a = 1 where match (b) against ('x' in boolean mode) and t1.qq = 1",
    'update t1 straight_join t3 on t1.id = t3.id set t1.a = 1',
    'update t1 natural join t2 set t1.b = t2.zz',
    'update t1 join t2 on t1.id = t2.id set b = 1 where a = 1',
  ]);
  assert.deepEqual(
    rows.map((r) => r[4]),
    [
      "Column 'nope' not existed.",
      "Column 'zz' not existed.",
      "Column 't1.qq' not existed.",
      `Table '${DB}.t3' doesn't exist.`,
      "Column 't2.zz' not existed.",
      // without NATURAL the shared column is ambiguous
      "Column 'a' in field list is ambiguous.",
    ],
  );
});
