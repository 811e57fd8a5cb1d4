// End to end with Archery's exact traffic (docs/wire.md, docs/batch.md#grammar, docs/results.md; docs/options.md,
// docs/batch.md, docs/commands.md, docs/results.md, docs/stages.md): an in-process inceptor against the real test
// MariaDB, driven by mysqlclient the way Archery's GoInceptionEngine drives it and by the mariadb CLI. Every column
// of every row is asserted; after execution the target's data is read back with a direct connection.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { directConnection, freshDatabase, testDb, type TestDb } from '../../support/mariadb.js';
import { startTestInceptor, type RunningInceptor } from '../clients/inceptor-under-test.js';
import { requirePythonModule, requireTool } from '../clients/support.js';
import { INCEPTOR_VERSION } from '../../../src/config/version.js';
import {
  archeryQueries, archeryResultSet, checkEnvelope, cliResultSet, executeEnvelope, type ExecuteOptions, type ResultSet,
} from './archery.js';
import { UTF8_TEXT, assertRows, audited, executed, nowSeconds } from './rows.js';

interface Client {
  name: string;
  /** Short id for database names. */
  id: string;
  typed: boolean;
  run(port: number, sql: string): Promise<ResultSet>;
}

const CLIENTS: Client[] = [
  { name: 'mysqlclient (Archery)', id: 'mysqldb', typed: true, run: (port, sql) => archeryResultSet(port, sql) },
  { name: 'mariadb CLI', id: 'cli', typed: false, run: (port, sql) => cliResultSet(port, sql) },
];

/** A table like the ones Archery users create: everything commented, utf8mb4. */
const TABLE_T = "create table t (id int not null auto_increment primary key comment 'id', c varchar(50) default null comment 'c', tid bigint default null comment 'thread') engine=innodb default charset=utf8mb4 comment 't'";

async function freshDatabaseWithT(name: string): Promise<void> {
  await freshDatabase(name);
  const conn = await directConnection(name);
  try {
    await conn.query(TABLE_T);
  } finally {
    await conn.end();
  }
}

async function tableRows(database: string): Promise<unknown[][]> {
  const conn = await directConnection(database);
  try {
    const [rows] = await conn.query({ sql: 'select id, c, tid from t order by id', rowsAsArray: true });
    return rows as unknown[][];
  } finally {
    await conn.end();
  }
}

let inceptor: RunningInceptor;
let db: TestDb;

before(async () => {
  requireTool('mariadb', 'apt-get install -y mariadb-client');
  requirePythonModule('MySQLdb', 'python3-mysqldb');
  db = await testDb();
  inceptor = await startTestInceptor();
});

after(async () => {
  await inceptor?.close();
});

/** `inception set` the way Archery's parameter page does it (anonymous instance login, unquoted value). */
async function setVariable(name: string, value: string): Promise<void> {
  const [result] = await archeryQueries(inceptor.port, [`inception set ${name}=${value};`], 'instance');
  assert.ok(result && !('error' in result), `inception set ${name}: ${JSON.stringify(result)}`);
}

async function getVariable(name: string): Promise<string> {
  const result = await archeryResultSet(inceptor.port, `inception get variables like '${name}'`, 'instance');
  assert.equal(result.rows.length, 1, JSON.stringify(result.rows));
  return String(result.rows[0]![1]);
}

describe('check envelope: clean DDL, NULL and utf8mb4, a warning, a missing table, a multi-line statement', () => {
  const database = 'e2e_archery_check';
  let saved: string;
  before(async () => {
    await freshDatabase(database);
    // Archery sends `inception set session` only for ghost keys; check_dml_where is set globally, as a DBA would.
    saved = await getVariable('check_dml_where');
    await setVariable('check_dml_where', '1');
  });
  after(async () => {
    if (saved !== undefined) await setVariable('check_dml_where', saved);
  });

  const createSql = "create table t (\n  id int not null auto_increment primary key comment 'id',\n  c varchar(50) default null comment 'c'\n) engine=innodb default charset=utf8mb4 comment 't'";
  const insertSql = `insert into t(id, c) values (1, NULL), (2, '${UTF8_TEXT}'), (3, 'NULL')`;
  const updateAllSql = "update t set c = 'x'";
  const missingSql = "update missing set c = 'y' where id = 1";
  // A line-based splitter must not end the statement at the ';' that closes a line inside the string.
  const multiLineSql = "-- keep the text; it has a ';' at a line end\nupdate t\n   set c = 'a;\nb'\n where id = 2";
  const userSql = `${createSql};\n${insertSql};\n${updateAllSql};\n${missingSql};\n${multiLineSql};`;

  for (const client of CLIENTS) {
    test(`${client.name}: every column of every row`, async () => {
      const result = await client.run(inceptor.port, checkEnvelope(db, database, userSql));
      assertRows(result, [
        audited(1, `use \`${database}\``),
        // enable_set_charset is off by default: a table charset is a warning, as in goInception.
        audited(2, createSql, { level: 1, message: "Not allowed set charset for table 't'." }),
        audited(3, insertSql, { affected: 3 }),
        audited(4, updateAllSql, { level: 1, message: 'Please set the where condition.' }),
        audited(5, missingSql, { level: 2, message: `Table '${database}.missing' doesn't exist.` }),
        audited(6, multiLineSql),
      ], client.typed);
      assert.deepEqual(await tableRowsIfAny(database), null, 'check mode changes nothing on the target');
    });
  }
});

async function tableRowsIfAny(database: string): Promise<unknown[][] | null> {
  const conn = await directConnection(database);
  try {
    const [tables] = await conn.query({ sql: 'show tables', rowsAsArray: true });
    return (tables as unknown[][]).length === 0 ? null : await tableRows(database);
  } finally {
    await conn.end();
  }
}

for (const client of CLIENTS) {
  describe(`${client.name}: execute envelope`, () => {
    const run = (database: string, sql: string, opts?: ExecuteOptions) => client.run(inceptor.port, executeEnvelope(db, database, sql, opts));

    test('a batch that succeeds: every row EXECUTED on the real target thread, data on the target', async () => {
      const database = `e2e_archery_exec_${client.id}`;
      await freshDatabase(database);
      const insertSql = `insert into t(id, c) values (1, NULL), (2, '${UTF8_TEXT}')`;
      const threadSql = "insert into t(id, c, tid) values (3, 'NULL', connection_id())";
      const updateSql = "update t set c = 'changed'\n where id = 1";
      const from = nowSeconds();
      const result = await run(database, `${TABLE_T};\n${insertSql};\n${threadSql};\n${updateSql};`);
      const window = { from, to: nowSeconds() };
      const data = await tableRows(database);
      const threadId = Number(data[2]?.[2]);
      assert.ok(threadId > 0, `the target recorded its thread id: ${JSON.stringify(data)}`);
      assert.deepEqual(data, [[1, 'changed', null], [2, UTF8_TEXT, null], [3, 'NULL', data[2]![2]]]);
      assertRows(result, [
        executed(1, `use \`${database}\``, threadId),
        executed(2, TABLE_T, threadId, { level: 1, message: "Not allowed set charset for table 't'." }),
        executed(3, insertSql, threadId, { affected: 2 }),
        executed(4, threadSql, threadId, { affected: 1 }),
        executed(5, updateSql, threadId, { affected: 1 }),
      ], client.typed, window);
    });

    test('statement 3 of 5 fails on the target: 1–2 EXECUTED, 3 Execute failed, 4–5 keep their audit rows and never run', async () => {
      const database = `e2e_archery_fail_${client.id}`;
      await freshDatabaseWithT(database);
      const firstSql = "insert into t(id, c, tid) values (1, 'first', connection_id())";
      const duplicateSql = "insert into t(id, c) values (1, 'duplicate')";
      const laterInsertSql = "insert into t(id, c) values (4, 'never')";
      const laterUpdateSql = "update t set c = 'never' where id = 1";
      const from = nowSeconds();
      const result = await run(database, `${firstSql};\n${duplicateSql};\n${laterInsertSql};\n${laterUpdateSql}`);
      const window = { from, to: nowSeconds() };
      const data = await tableRows(database);
      const threadId = Number(data[0]?.[2]);
      assert.ok(threadId > 0, JSON.stringify(data));
      assert.deepEqual(data, [[1, 'first', data[0]![2]]], 'statements 4 and 5 did not run');
      assertRows(result, [
        executed(1, `use \`${database}\``, threadId),
        executed(2, firstSql, threadId, { affected: 1 }),
        // affected_rows keeps the audit estimate when the statement fails (goInception does not reset it)
        executed(3, duplicateSql, threadId, { affected: 1, level: 2, status: 'Execute failed', message: "Execute: Duplicate entry '1' for key 'PRIMARY'." }),
        audited(4, laterInsertSql, { affected: 1 }),
        audited(5, laterUpdateSql, { affected: 1 }),
      ], client.typed, window);
    });

    test('refused by a level-2 audit error: every row CHECKED, nothing runs', async () => {
      const database = `e2e_archery_refuse_${client.id}`;
      await freshDatabaseWithT(database);
      const insertSql = "insert into t(id, c) values (1, 'x')";
      const missingSql = "update missing set c = 'y' where id = 1";
      const laterSql = "insert into t(id, c) values (2, 'z')";
      const result = await run(database, `${insertSql};\n${missingSql};\n${laterSql};`);
      assertRows(result, [
        audited(1, `use \`${database}\``),
        audited(2, insertSql, { affected: 1 }),
        audited(3, missingSql, { level: 2, message: `Table '${database}.missing' doesn't exist.` }),
        audited(4, laterSql, { affected: 1 }),
      ], client.typed);
      assert.deepEqual(await tableRows(database), []);
    });
  });
}

describe('mysqlclient (Archery): warnings, sleep and variables', () => {
  test('a warning does not stop --ignore-warnings=1: the row runs, keeps level 1 and says Execute Successfully', async () => {
    const database = 'e2e_archery_warning';
    await freshDatabaseWithT(database);
    const saved = await getVariable('check_dml_where');
    await setVariable('check_dml_where', '1');
    try {
      const insertSql = "insert into t(id, c, tid) values (1, 'a', connection_id()), (2, 'b', connection_id())";
      const updateSql = "update t set c = 'all'";
      const from = nowSeconds();
      const result = await archeryResultSet(inceptor.port, executeEnvelope(db, database, `${insertSql};\n${updateSql};`));
      const window = { from, to: nowSeconds() };
      const data = await tableRows(database);
      const threadId = Number(data[0]?.[2]);
      assert.deepEqual(data.map((r) => r.slice(0, 2)), [[1, 'all'], [2, 'all']]);
      assertRows(result, [
        executed(1, `use \`${database}\``, threadId),
        executed(2, insertSql, threadId, { affected: 2 }),
        executed(3, updateSql, threadId, { affected: 2, level: 1, message: 'Please set the where condition.' }),
      ], true, window);
    } finally {
      await setVariable('check_dml_where', saved);
    }
  });

  test('--sleep=200;--sleep_rows=2 on 4 statements: two pauses (≥ 400 ms), all statements ran', async () => {
    const database = 'e2e_archery_sleep';
    await freshDatabaseWithT(database);
    const inserts = [1, 2, 3, 4].map((id) => `insert into t(id, c, tid) values (${id}, 'row ${id}', connection_id())`);
    const from = nowSeconds();
    const result = await archeryResultSet(inceptor.port, executeEnvelope(db, database, inserts.join(';\n'), { sleep: 200, sleepRows: 2 }));
    const window = { from, to: nowSeconds() };
    // Rows 0..4 (use + 4 inserts): pauses after rows 0 and 2, none after the last row.
    assert.ok(result.elapsed >= 0.4, `the batch took ${result.elapsed}s, expected two 200 ms pauses`);
    assert.ok(result.elapsed < 5, `the batch took ${result.elapsed}s`);
    const data = await tableRows(database);
    const threadId = Number(data[0]?.[2]);
    assert.deepEqual(data, [1, 2, 3, 4].map((id) => [id, `row ${id}`, data[0]![2]]));
    assertRows(result, [
      executed(1, `use \`${database}\``, threadId),
      ...inserts.map((sql, i) => executed(i + 2, sql, threadId, { affected: 1 })),
    ], true, window);
  });

  test('INCEPTION GET VARIABLES (test_query) and inception get variables like ... (/api/info keys)', async () => {
    const [all, version] = await archeryQueries(inceptor.port, ['INCEPTION GET VARIABLES', "inception get variables like 'version'"]);
    assert.ok(all && 'columns' in all, JSON.stringify(all));
    assert.deepEqual(all.columns, ['Variable_name', 'Value']);
    assert.ok(all.rows.every((r) => r.length === 2 && typeof r[0] === 'string' && typeof r[1] === 'string'), 'both columns are text');
    const values = new Map(all.rows.map((r) => [r[0] as string, r[1]]));
    assert.equal(values.size, all.rows.length, 'no variable is listed twice');
    // The keys Archery's /api/info reads, with the defaults of an unconfigured instance.
    assert.deepEqual(
      ['version', 'max_allowed_packet', 'lang', 'osc_on', 'osc_bin_dir', 'ghost_on'].map((k) => [k, values.get(k)]),
      [['version', INCEPTOR_VERSION], ['max_allowed_packet', '4194304'], ['lang', 'en-US'], ['osc_on', 'false'],
        ['osc_bin_dir', '/usr/local/bin'], ['ghost_on', 'false']],
    );
    const names = all.rows.map((r) => r[0] as string);
    const firstOsc = names.findIndex((n) => n.startsWith('osc_'));
    const firstGhost = names.findIndex((n) => n.startsWith('ghost_'));
    assert.ok(names.indexOf('version') < firstOsc && firstOsc < firstGhost, 'listed as [inc], then [osc], then [ghost]');
    assert.ok(version && 'columns' in version, JSON.stringify(version));
    assert.deepEqual(version.columns, ['Variable_name', 'Value']);
    assert.deepEqual(version.rows, [['version', INCEPTOR_VERSION]]);
  });
});
