// ALTER TABLE / CREATE INDEX / DROP INDEX / RENAME TABLE / CREATE VIEW existence rules, their snapshot effects
// (including forms only our recogniser reads) and the TABLE_ROWS estimate, against a real MariaDB.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'mysql2/promise';
import { ResultRow } from '../../../src/rows/row.js';
import { createAuditor, type Auditor, type SqlRunner } from '../../../src/audit/engine.js';
import { parseStatement } from '../../../src/sql/parse.js';
import { directConnection, freshDatabase, sqlRunner } from '../../support/mariadb.js';
import type { IncConfig } from '../../../src/config/config.js';
import { incConfig } from '../../support/rule-tester.js';

const DB = 'h6_ddl_rules';
let conn: Connection;
let runner: SqlRunner;

before(async () => {
  await freshDatabase(DB);
  conn = await directConnection(DB);
  await conn.query('CREATE TABLE t1 (id INT PRIMARY KEY, a INT, b VARCHAR(10), KEY ix_a (a))');
  await conn.query('CREATE TABLE t2 (id INT PRIMARY KEY)');
  await conn.query('INSERT INTO t1 VALUES (1,1,"x"),(2,2,"y"),(3,3,"z"),(4,4,"w"),(5,5,"v")');
  await conn.query('ANALYZE TABLE t1');
  runner = sqlRunner(conn);
});

after(async () => {
  await conn.end();
});

function auditor(inc: Partial<IncConfig> = {}, execute = false): Auditor {
  return createAuditor({
    settings: { inc: incConfig(inc), levels: {} },
    target: runner,
    initialDb: DB,
    execute,
    serverInfo: { version: '10.11', lowerCaseTableNames: 0, sqlMode: '', explicitDefaultsForTimestamp: true },
  });
}

async function batch(a: Auditor, sqls: string[]): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const sql of sqls) {
    const parsed = parseStatement(sql);
    assert.ok(parsed.ok, sql);
    const row = new ResultRow(sql, parsed.statement);
    await a.audit(parsed.statement, row);
    rows.push(row);
  }
  return rows;
}

test('ALTER TABLE existence rules fire and stay quiet', async () => {
  const rows = await batch(auditor(), [
    'alter table nosuch add column c int',
    'alter table t1 add column a int, drop column zz, modify qq int',
    'alter table t1 change b a int',
    'alter table t1 drop index nope, add index ix_a (b)',
    'alter table t1 rename index nope to x2, rename index ix_a to `PRIMARY`',
    'alter table t1 rename to t2',
    'alter table t1 add column c int, add index ix_c (c)',
  ]);
  assert.deepEqual(rows[0]!.messages, [`Table '${DB}.nosuch' doesn't exist.`]);
  assert.deepEqual(rows[1]!.messages, ["Column 't1.a' have existed.", "Column 't1.zz' not existed.", "Column 't1.qq' not existed."]);
  assert.deepEqual(rows[2]!.messages, ["Column 't1.a' have existed."]);
  assert.deepEqual(rows[3]!.messages, ["Can't DROP 't1.nope'; check that column/key exists.", `Duplicate index 'ix_a' defined on the table '${DB}.t1'.`]);
  assert.deepEqual(rows[4]!.messages, ["Can't DROP 't1.nope'; check that column/key exists.", "Duplicate key name 'PRIMARY'."]);
  assert.deepEqual(rows[5]!.messages, ["Table 't2' already exists."]);
  assert.deepEqual(rows[6]!.messages, []);
});

test('snapshot follows recognised-only ALTER forms, CREATE/DROP INDEX, RENAME TABLE, CREATE VIEW', async () => {
  const a = auditor({ enable_use_view: true, enable_drop_table: true });
  const rows = await batch(a, [
    'alter table t1 rename index ix_a to ix_a2, alter column a set default 9, change column b b2 varchar(20)',
    'create index ix_b on t1 (b2)',
    'create index ix_b on t1 (b)',
    'drop index ix_a2 on t1',
    'drop index ix_a2 on t1',
    'alter table t1 drop index ix_a2',
    'rename table t1 to t3, t3 to t4',
    'insert into t1 (id) values (1)',
    'select b2 from t4 where id = 1',
    'rename table nosuch to t5, t2 to t4',
    'create view v1 as select id, b2 as label from t4',
    'select label, id from v1',
    'select b2 from v1',
  ]);
  assert.deepEqual(rows[0]!.messages, []);
  assert.deepEqual(rows[1]!.messages, [], 'b2 exists after the recognised CHANGE');
  assert.deepEqual(rows[2]!.messages, ["Column 't1.b' not existed.", `Duplicate index 'ix_b' defined on the table '${DB}.t1'.`]);
  assert.deepEqual(rows[3]!.messages, [], 'RENAME INDEX was applied');
  assert.deepEqual(rows[4]!.messages, ["Can't DROP 't1.ix_a2'; check that column/key exists."]);
  assert.deepEqual(rows[5]!.messages, ["Can't DROP 't1.ix_a2'; check that column/key exists."]);
  assert.deepEqual(rows[6]!.messages, []);
  assert.deepEqual(rows[7]!.messages, [`Table '${DB}.t1' doesn't exist.`]);
  assert.deepEqual(rows[8]!.messages, []);
  // a pair with a blocking message stops the remaining pairs, as in goInception
  assert.deepEqual(rows[9]!.messages, [`Table '${DB}.nosuch' doesn't exist.`]);
  assert.deepEqual(rows[10]!.messages, []);
  assert.deepEqual(rows[11]!.messages, []);
  assert.deepEqual(rows[12]!.messages, ["Column 'b2' not existed."]);
  const t4 = await a.snapshot.table(DB, 't4');
  assert.equal(t4?.columns.find((c) => c.field === 'a')?.default, '9');
  assert.deepEqual([...new Set(t4?.indexes.map((i) => i.keyName))], ['PRIMARY', 'ix_b']);
  const [[live]] = (await conn.query("SHOW TABLES LIKE 't1'")) as unknown as [unknown[]];
  assert.ok(live, 'auditing changes nothing on the target');
});

test('CREATE VIEW needs enable_use_view; view star and columns are checked', async () => {
  const off = await batch(auditor(), ['create view v2 as select id from t2']);
  assert.deepEqual(off[0]!.messages, ["Not allowed to create or use views 'v2'."]);
  const on = await batch(auditor({ enable_use_view: true }), ['create view v2 as select * from t2', 'create view v3 as select nope from t2']);
  assert.deepEqual(on[0]!.messages, ['Select only star is not allowed.']);
  assert.deepEqual(on[1]!.messages, ["Column 'nope' not existed."]);
});

test('TABLE_ROWS estimate for ALTER / CREATE INDEX / DROP INDEX / TRUNCATE / DROP TABLE (check mode), and the limit', async () => {
  const a = auditor({ enable_drop_table: true, max_ddl_affect_rows: 3 });
  const rows = await batch(a, [
    'alter table t1 add column c2 int',
    'create index ix_c2 on t1 (c2)',
    'truncate table t1',
    'alter table t2 add column z int',
    'drop table t1',
    'create table fresh (id int primary key)',
    'alter table fresh add column v int',
  ]);
  assert.equal(rows[0]!.affectedRows, 5);
  assert.deepEqual(rows[0]!.messages, ['Alter(5 rows) more than 3 rows.']);
  assert.equal(rows[1]!.affectedRows, 5);
  assert.deepEqual(rows[1]!.messages, []);
  assert.equal(rows[2]!.affectedRows, 5);
  assert.equal(rows[3]!.affectedRows, 0);
  assert.deepEqual(rows[3]!.messages, []);
  assert.equal(rows[4]!.affectedRows, 5);
  assert.deepEqual(rows[4]!.messages, ['Drop(5 rows) more than 3 rows.']);
  assert.equal(rows[6]!.affectedRows, 0, 'tables created in the batch are not looked up');
  const exec = await batch(auditor({ enable_drop_table: true, max_ddl_affect_rows: 3 }, true), ['drop table t1']);
  assert.equal(exec[0]!.affectedRows, 0, 'DROP TABLE is only estimated in check mode');
  assert.deepEqual(exec[0]!.messages, []);
});
