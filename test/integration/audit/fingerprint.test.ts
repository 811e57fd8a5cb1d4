// The fingerprint cache (`enable_fingerprint` / `--fingerprint`, docs/audit.md): an UPDATE/DELETE whose
// fingerprint was EXPLAINed before in the batch gets that EXPLAIN's affected_rows and messages, without an EXPLAIN;
// the too-many-rows message is cached at its built-in level even when [inc_level] turned it off.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'mysql2/promise';
import { ResultRow } from '../../../src/rows/row.js';
import { createAuditor, type ExplainRunner, type SqlRunner } from '../../../src/audit/engine.js';
import { fingerprintOf } from '../../../src/audit/estimate.js';
import { parseStatement } from '../../../src/sql/parse.js';
import { directConnection, freshDatabase } from '../../support/mariadb.js';
import { incConfig } from '../../support/rule-tester.js';

const DB = 'h13_fingerprint';
let conn: Connection;
const explained: string[] = [];
let runner: SqlRunner;

before(async () => {
  await freshDatabase(DB);
  conn = await directConnection(DB);
  await conn.query('CREATE TABLE t (id INT PRIMARY KEY, k INT NOT NULL, v VARCHAR(20), KEY k (k))');
  await conn.query(`INSERT INTO t SELECT seq, seq % 10, 'v' FROM seq_1_to_500`);
  runner = {
    async query<T>(sql: string, params?: unknown[]) {
      if (sql.startsWith('EXPLAIN')) explained.push(sql);
      const [rows] = await conn.query(sql, params);
      return rows as T[];
    },
  };
});

after(async () => {
  await conn.end();
});

async function audit(sqls: string[], opts: { fingerprint?: boolean; enable?: boolean; levels?: Record<string, number>; pooled?: boolean }): Promise<ResultRow[]> {
  explained.length = 0;
  const pool: ExplainRunner = { ready: async () => true, query: (sql) => runner.query(sql) };
  const auditor = createAuditor({
    settings: { inc: incConfig({ enable_fingerprint: opts.enable ?? false, max_update_rows: 10 }), levels: opts.levels ?? {} },
    target: runner,
    initialDb: DB,
    serverInfo: { version: '10.11', lowerCaseTableNames: 0, sqlMode: '', explicitDefaultsForTimestamp: true },
    fingerprint: opts.fingerprint ?? false,
    explainPool: opts.pooled ? pool : null,
  });
  const rows: ResultRow[] = [];
  for (const sql of sqls) {
    const parsed = parseStatement(sql);
    assert.ok(parsed.ok, sql);
    const row = new ResultRow(sql, parsed.statement);
    rows.push(row);
    await auditor.audit(parsed.statement, row);
  }
  await auditor.settle();
  return rows;
}

// one shape: the first hits ~50 rows (k = 1), the others would hit 1 row each by id
const SAME_SHAPE = ['update t set v = 1 where k = 1', 'update t set v = 2 where k = 300', 'UPDATE  t SET v = 3\nWHERE k = 7'];

test('fingerprints fold literals, whitespace and case; text the shape scanner declines has none', () => {
  assert.equal(fingerprintOf('UPDATE  t SET v = 3\nWHERE k = 7'), 'update t set v = ? where k = ?');
  assert.equal(fingerprintOf("update t set v = 'a' where k = 1.5"), 'update t set v = ? where k = ?');
  assert.equal(fingerprintOf('update t set v = 1 where k = 1 -- c'), null);
});

for (const [name, opts] of [
  ['--fingerprint', { fingerprint: true }],
  ['enable_fingerprint', { enable: true }],
  ['--fingerprint, pipelined', { fingerprint: true, pooled: true }],
] as const) {
  test(`${name}: one EXPLAIN per fingerprint; repeats copy its estimate and messages`, async () => {
    const rows = await audit([...SAME_SHAPE, 'delete from t where id = 5'], opts);
    assert.equal(explained.length, 2, explained.join('\n'));
    const first = rows[0]!.affectedRows;
    assert.ok(first > 10, String(first));
    assert.deepEqual(rows.slice(0, 3).map((r) => r.affectedRows), [first, first, first]);
    for (const r of rows.slice(0, 3)) assert.deepEqual(r.messages, [`Update(${first} rows) more than 10 rows.`]);
    assert.equal(rows[3]!.affectedRows, 1);
  });
}

test('without fingerprints every statement is EXPLAINed', async () => {
  const rows = await audit(SAME_SHAPE, {});
  assert.equal(explained.length, 3);
  assert.ok(rows[1]!.affectedRows < rows[0]!.affectedRows);
});

test('the too-many-rows message is cached at its built-in level even when [inc_level] turned it off', async () => {
  const rows = await audit(SAME_SHAPE, { fingerprint: true, levels: { er_udpate_too_much_rows: 0 } });
  const first = rows[0]!.affectedRows;
  assert.deepEqual(rows[0]!.messages, []);
  assert.deepEqual(rows[1]!.messages, [`Update(${first} rows) more than 10 rows.`]);
  assert.equal(rows[1]!.errorLevel, 1);
});
