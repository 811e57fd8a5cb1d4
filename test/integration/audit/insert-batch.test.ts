// A check batch of 10k single-row INSERTs into one existing table: one metadata load for the table, no EXPLAIN,
// no per-statement round trips; parse + audit stay cheap (numbers reported as test diagnostics).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'mysql2/promise';
import { ResultRow } from '../../../src/rows/row.js';
import { createAuditor, type SqlRunner } from '../../../src/audit/engine.js';
import { parseStatement } from '../../../src/sql/parse.js';
import { directConnection, freshDatabase } from '../../support/mariadb.js';
import { incConfig } from '../../support/rule-tester.js';

const DB = 'h6_insert_batch';
let conn: Connection;
const sent: string[] = [];
let runner: SqlRunner;

before(async () => {
  await freshDatabase(DB);
  conn = await directConnection(DB);
  await conn.query('CREATE TABLE t (id INT PRIMARY KEY, a INT NOT NULL, b VARCHAR(20), c DATETIME, d DECIMAL(10,2))');
  runner = {
    async query<T>(sql: string, params?: unknown[]) {
      sent.push(sql);
      const [rows] = await conn.query(sql, params);
      return rows as T[];
    },
  };
});

after(async () => {
  await conn.end();
});

test('10k INSERTs: one metadata load, no EXPLAIN, every row audited', async (t) => {
  const n = 10_000;
  const sqls = Array.from({ length: n }, (_, i) =>
    i === 5000
      ? `insert into t (id, a, b, c, d) values (${i}, null, 'x', '2024-01-01 00:00:00', 1.5)`
      : `insert into t (id, a, b, c, d) values (${i}, ${i % 7}, 'name ${i}', '2024-01-01 00:00:00', ${i}.25)`,
  );
  const t0 = performance.now();
  const stmts = sqls.map((s) => {
    const p = parseStatement(s);
    assert.ok(p.ok, s);
    return p.statement;
  });
  const parseMs = performance.now() - t0;
  const auditor = createAuditor({
    settings: { inc: incConfig({ check_insert_field: true }), levels: {} },
    target: runner,
    initialDb: DB,
    serverInfo: { version: '10.11', lowerCaseTableNames: 0, sqlMode: '', explicitDefaultsForTimestamp: true },
  });
  sent.length = 0;
  const t1 = performance.now();
  const rows: ResultRow[] = [];
  for (let i = 0; i < n; i++) {
    const row = new ResultRow(sqls[i]!, stmts[i]!);
    await auditor.audit(stmts[i]!, row);
    rows.push(row);
  }
  const auditMs = performance.now() - t1;
  t.diagnostic(`parse ${((parseMs * 1000) / n).toFixed(1)} µs/INSERT, audit ${((auditMs * 1000) / n).toFixed(1)} µs/INSERT`);
  assert.deepEqual(sent.map((s) => s.split(' ').slice(0, 3).join(' ')), ['SHOW DATABASES LIKE', 'SHOW FULL FIELDS', 'SHOW INDEX FROM']);
  assert.equal(rows.filter((r) => r.messages.length > 0).length, 1);
  assert.deepEqual(rows[5000]!.messages, [`Column '${DB}.t.a' cannot be null in 1 row.`]);
  assert.ok(rows.every((r) => r.affectedRows === 1));
});
