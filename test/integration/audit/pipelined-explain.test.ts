// Pipelined EXPLAIN (docs/audit.md): with the EXPLAIN pool the rows are the same as one statement at a time —
// across USE of another database, DDL in the middle (its effects seen by later statements), statements with
// errors (no EXPLAIN), explain_rule=max, and the shape cache warm or cold.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'mysql2/promise';
import { ResultRow } from '../../../src/rows/row.js';
import { createAuditor, type SqlRunner } from '../../../src/audit/engine.js';
import { parseStatement } from '../../../src/sql/parse.js';
import { clearShapes, freezeShapes } from '../../../src/sql/shape-cache.js';
import { defaultOptions } from '../../../src/options/magic-comment.js';
import { ExplainPool } from '../../../src/target/explain-pool.js';
import { TargetSession } from '../../../src/target/session.js';
import { directConnection, freshDatabase, testDb } from '../../support/mariadb.js';
import { incConfig } from '../../support/rule-tester.js';

const DB = 'h13_pipelined_a';
const OTHER = 'h13_pipelined_b';
let conn: Connection;

before(async () => {
  await freshDatabase(DB);
  await freshDatabase(OTHER);
  conn = await directConnection(DB);
  await conn.query('CREATE TABLE t (id INT PRIMARY KEY, k INT NOT NULL, v VARCHAR(20), KEY k (k))');
  await conn.query(`INSERT INTO t SELECT seq, seq % 10, CONCAT('v', seq) FROM seq_1_to_500`);
  await conn.query(`CREATE TABLE ${OTHER}.t (id INT PRIMARY KEY, k INT NOT NULL)`);
  await conn.query(`INSERT INTO ${OTHER}.t SELECT seq, seq % 3 FROM seq_1_to_30`);
  await conn.query(`CREATE TABLE ${OTHER}.j (id INT PRIMARY KEY, t_id INT NOT NULL)`);
  await conn.query(`INSERT INTO ${OTHER}.j SELECT seq, seq FROM seq_1_to_30`);
  // settled statistics: a full scan's EXPLAIN rows (and TABLE_ROWS) must not move between the two runs
  await conn.query(`ANALYZE TABLE t, ${OTHER}.t, ${OTHER}.j`);
});

after(async () => {
  await conn.end();
});

function statements(): string[] {
  const out: string[] = [];
  for (let i = 0; i < 40; i++) out.push(`update t set v = 'x${i}' where id = ${i + 1}`);
  for (let i = 0; i < 10; i++) out.push(`delete from t where k = ${i}`);
  out.push('update t set nope = 1 where id = 1'); // unknown column: an error, no EXPLAIN
  out.push('update t set v = 1'); // no WHERE
  out.push('alter table t add column w int not null default 0 comment "w"');
  for (let i = 0; i < 10; i++) out.push(`update t set w = ${i} where k = ${i}`); // w exists only in the batch: no EXPLAIN
  out.push(`use ${OTHER}`);
  for (let i = 0; i < 20; i++) out.push(`update t set k = ${i} where id > ${i}`);
  for (let i = 0; i < 10; i++) out.push(`update t join j on t.id = j.t_id set t.k = ${i} where j.id < ${i * 3}`);
  for (let i = 0; i < 5; i++) out.push(`update j join t on t.k = j.t_id set t.k = ${i} where j.id = ${i + 1}`); // plan: j (1 row), then t
  out.push(`use ${DB}`);
  for (let i = 0; i < 20; i++) out.push(`delete from t where id in (${i}, ${i + 100}, ${i + 200})`);
  return out;
}

let pooled = 0;

async function auditAll(pool: ExplainPool | null, rule: string): Promise<string[]> {
  const db = await testDb();
  const target = await TargetSession.connect({ ...defaultOptions(), host: db.host, port: db.port, user: db.user, password: db.password, db: DB }, { inc: {} });
  const runner: SqlRunner = target;
  try {
    const auditor = createAuditor({
      settings: { inc: incConfig({ explain_rule: rule, max_update_rows: 25 }), levels: {} },
      target: runner,
      initialDb: DB,
      serverInfo: { version: target.serverInfo.version, lowerCaseTableNames: 0, sqlMode: target.serverInfo.sqlMode, explicitDefaultsForTimestamp: true },
      explainPool: pool && {
        ready: () => pool.ready(),
        query: <T>(sql: string, db: string | null) => {
          pooled++;
          return pool.query<T>(sql, db);
        },
      },
    });
    const rows: ResultRow[] = [];
    for (const sql of statements()) {
      const parsed = parseStatement(sql);
      assert.ok(parsed.ok, sql);
      const row = new ResultRow(sql, parsed.statement);
      rows.push(row);
      await auditor.audit(parsed.statement, row);
    }
    await auditor.settle();
    return rows.map((r) => `${r.sql} | ${r.errorLevel} | ${r.affectedRows} | ${r.messages.join(' / ')}`);
  } finally {
    await target.close();
  }
}

const estimates = new Map<string, string[]>();

for (const rule of ['first', 'max']) {
  test(`explain_rule=${rule}: the pool gives the rows of one-at-a-time EXPLAIN`, async () => {
    const db = await testDb();
    clearShapes();
    const sequential = await auditAll(null, rule);
    freezeShapes(true);
    const pool = new ExplainPool({ ...defaultOptions(), host: db.host, port: db.port, user: db.user, password: db.password, db: DB }, { inc: {} });
    pooled = 0;
    try {
      const pipelined = await auditAll(pool, rule);
      assert.ok(pooled >= 60, `${pooled} EXPLAINs went to the pool`);
      assert.deepEqual(pipelined, sequential);
    } finally {
      freezeShapes(false);
      clearShapes();
      await pool.close();
    }
    // the estimates are real: at least one UPDATE over several rows and one over the other database
    assert.ok(sequential.some((r) => r.startsWith('delete from t where k = 1 |') && !r.includes('| 0 |')), sequential.join('\n'));
    assert.ok(sequential.some((r) => /update t join j .* \| 0 \| [1-9]/.test(r)), sequential.join('\n'));
    estimates.set(rule, sequential);
  });
}

test('explain_rule max takes the largest plan row, first the first', () => {
  const first = estimates.get('first')!;
  const max = estimates.get('max')!;
  const differ = first.flatMap((r, i) => (r === max[i] ? [] : [[r, max[i]]]));
  assert.ok(differ.length > 0);
  for (const [a, b] of differ) assert.ok(Number(a!.split(' | ')[2]) < Number(b!.split(' | ')[2]), `${a} vs ${b}`);
});
