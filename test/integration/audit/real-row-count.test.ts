// `--real_row_count=true` against a real MariaDB (docs/audit.md): affected_rows is the COUNT of the rows the DML
// touches, EXPLAIN being the fallback when the COUNT cannot run (timeout, rewrite refused) or the option is off.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'mysql2/promise';
import { ResultRow } from '../../../src/rows/row.js';
import { createAuditor, type Auditor, type SqlRunner } from '../../../src/audit/engine.js';
import { parseStatement } from '../../../src/sql/parse.js';
import { directConnection, freshDatabase } from '../../support/mariadb.js';
import type { IncConfig } from '../../../src/config/config.js';
import { incConfig } from '../../support/rule-tester.js';

const DB = 'h10_real_row_count';
let conn: Connection;
let version: string;
const seen: string[] = [];
let runner: SqlRunner;

before(async () => {
  await freshDatabase(DB);
  conn = await directConnection(DB);
  await conn.query('CREATE TABLE t (id INT PRIMARY KEY AUTO_INCREMENT, c VARCHAR(20))');
  await conn.query("INSERT INTO t (c) VALUES ('a'),('a'),('b'),('b'),('b'),('b'),('b'),('b'),('b'),('b')");
  await conn.query('CREATE TABLE tags (id INT PRIMARY KEY, tag VARCHAR(10))');
  await conn.query("INSERT INTO tags VALUES (1,'k'),(2,'k'),(3,'m')");
  await conn.query('CREATE TABLE names (id INT PRIMARY KEY AUTO_INCREMENT, n VARCHAR(20))');
  // `%\_1` matches only a literal underscore before the 1: p_1 and q_1, not pa1/pb1 (goInception #605 counted 4).
  await conn.query("INSERT INTO names (n) VALUES ('p_1'),('pa1'),('pb1'),('q_1')");
  await conn.query('CREATE TABLE pairs (x INT, y INT)');
  const [rows] = await conn.query('SELECT VERSION() AS v');
  version = String((rows as { v: string }[])[0]!.v);
  runner = {
    async query<T>(sql: string, params?: unknown[]) {
      seen.push(sql);
      const [r] = await conn.query(sql, params);
      return r as T[];
    },
  };
});

after(async () => {
  await conn.end();
});

function auditor(opts: { realRowCount?: boolean; timeoutMs?: number; inc?: Partial<IncConfig> } = {}): Auditor {
  return createAuditor({
    settings: { inc: incConfig(opts.inc), levels: {} },
    target: runner,
    initialDb: DB,
    serverInfo: { version, lowerCaseTableNames: 0, sqlMode: '', explicitDefaultsForTimestamp: true },
    realRowCount: opts.realRowCount ?? true,
    ...(opts.timeoutMs !== undefined ? { realRowCountTimeoutMs: opts.timeoutMs } : {}),
  });
}

async function audit(sql: string, a: Auditor = auditor()): Promise<ResultRow> {
  const parsed = parseStatement(sql);
  assert.ok(parsed.ok, sql);
  const row = new ResultRow(sql, parsed.statement);
  await a.audit(parsed.statement, row);
  return row;
}

async function explainRows(sql: string): Promise<number> {
  const [plan] = await conn.query(`EXPLAIN ${sql}`);
  return Number((plan as { rows: unknown }[])[0]!.rows);
}

test('UPDATE and DELETE count exactly the matching rows, bounded by max_statement_time', async () => {
  seen.length = 0;
  const update = await audit("update t set c = 'x' where c = 'a'");
  assert.equal(update.affectedRows, 2);
  assert.deepEqual(update.messages, []);
  assert.ok(
    seen.includes("SET STATEMENT max_statement_time=10 FOR SELECT COUNT(*) AS inceptor_rows FROM t where c = 'a'"),
    seen.join('\n'),
  );
  assert.ok(!seen.some((q) => q.startsWith('EXPLAIN')), 'no EXPLAIN when the COUNT answers');
  const del = await audit("delete from t where c = 'b'");
  assert.equal(del.affectedRows, 8);
  assert.equal(del.errorLevel, 0);
});

test('option off: affected_rows is the EXPLAIN estimate, as before', async () => {
  const sql = "update t set c = 'x' where c = 'a'";
  const row = await audit(sql, auditor({ realRowCount: false }));
  assert.equal(row.affectedRows, await explainRows(sql));
  assert.notEqual(row.affectedRows, 2, 'no index on c: EXPLAIN estimates the whole table');
});

test('multi-table UPDATE and DELETE count the joined rows', async () => {
  assert.equal((await audit("update t join tags on t.id = tags.id set t.c = 'z' where tags.tag = 'k'")).affectedRows, 2);
  assert.equal((await audit("update t, tags set t.c = tags.tag where t.id = tags.id")).affectedRows, 3);
  assert.equal((await audit("delete t from t join tags using (id) where tags.tag = 'm'")).affectedRows, 1);
  assert.equal((await audit('delete t, tags from t join tags on t.id = tags.id where t.id > 1')).affectedRows, 2);
});

test('LIMIT caps the count; ORDER BY does not change it', async () => {
  assert.equal((await audit("update t set c = 'y' where c = 'b' order by id desc limit 3")).affectedRows, 3);
  assert.equal((await audit("delete from t where c = 'a' limit 5")).affectedRows, 2);
  assert.equal((await audit('delete from t order by id')).affectedRows, 10);
});

test("LIKE '%\\_1' keeps its escape (goInception #605 lost it)", async () => {
  assert.equal((await audit("update names set n = 'r' where n like '%\\_1'")).affectedRows, 2);
  assert.equal((await audit("delete from names where n like '%_1'")).affectedRows, 4);
});

test('INSERT … SELECT counts the SELECT rows, also when its output names repeat', async () => {
  assert.equal((await audit("insert into pairs (x, y) select id, id from t where c = 'b'")).affectedRows, 8);
  seen.length = 0;
  assert.equal((await audit("insert into pairs (x, y) select 1, 1 from t where c = 'a'")).affectedRows, 2);
  assert.ok(seen.some((q) => q.includes('WITH inceptor_counted(c1, c2) AS (select 1, 1 from')), 'duplicate names retried through a CTE');
  assert.equal((await audit('insert into pairs (x, y) select count(*), 0 from t')).affectedRows, 1);
  assert.equal((await audit("insert into pairs select distinct 1, 2 from t where c = 'b'")).affectedRows, 1);
});

test('max_update_rows applies to the counted value', async () => {
  const inc = { max_update_rows: 5 };
  const del = await audit("delete from t where c = 'b'", auditor({ inc }));
  assert.equal(del.affectedRows, 8);
  assert.equal(del.errorLevel, 1);
  assert.match(del.messages.join('\n'), /8/);
  const upd = await audit("update t set c = 'x' where c = 'a'", auditor({ inc }));
  assert.deepEqual(upd.messages, [], 'the EXPLAIN estimate (10) would have exceeded 5; the real 2 does not');
});

test('a COUNT past the timeout falls back to EXPLAIN without an error on the row', async () => {
  const sql = "update t set c = 'x' where c = 'a' and sleep(0.2) = 0";
  const started = Date.now();
  const row = await audit(sql, auditor({ timeoutMs: 100 }));
  assert.ok(Date.now() - started < 1500, `took ${Date.now() - started} ms: the timeout did not stop the COUNT`);
  assert.equal(row.affectedRows, await explainRows(sql));
  assert.equal(row.errorLevel, 0);
  assert.deepEqual(row.messages, []);
});

test('tables created in the batch are not counted (the target cannot see them)', async () => {
  const a = auditor();
  await audit('create table fresh (id int primary key, c int)', a);
  seen.length = 0;
  const row = await audit('delete from fresh where c = 1', a);
  assert.equal(row.affectedRows, 0);
  assert.ok(!seen.some((q) => /COUNT\(\*\)|^EXPLAIN/.test(q)), seen.join('\n'));
});
