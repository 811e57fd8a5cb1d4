// What Archery's traffic looks like beyond the plain envelopes, through mysqlclient exactly as Archery sends it:
// SQL from the web form (CRLF line ends, a trailing comment, two statements on a line), the Aliyun RDS ghost
// `inception set session` lines inside the block, `--backup=1` (Archery's default) without a backup server,
// and `--real_row_count=true`. Every column of every row is asserted.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { directConnection, freshDatabase, testDb, type TestDb } from '../../support/mariadb.js';
import { startTestInceptor, type RunningInceptor } from '../clients/inceptor-under-test.js';
import { requirePythonModule } from '../clients/support.js';
import { archeryResultSet, checkEnvelope, executeEnvelope } from './archery.js';
import { assertRows, audited, executed, nowSeconds } from './rows.js';

const TABLE_T = "create table t (id int not null auto_increment primary key comment 'id', c varchar(50) default null comment 'c') engine=innodb default charset=utf8mb4 comment 't'";

/** What Archery sends for an instance with an enabled Aliyun RDS config (get_session_variables). */
const ALIYUN_GHOST_SESSION = { ghost_aliyun_rds: 'on', ghost_allow_on_master: 'true', ghost_assume_rbr: 'true' };

let inceptor: RunningInceptor;
let db: TestDb;

before(async () => {
  requirePythonModule('MySQLdb', 'python3-mysqldb');
  db = await testDb();
  inceptor = await startTestInceptor();
});

after(async () => {
  await inceptor?.close();
});

/** A fresh database with t holding `values` (c column; ids 1..n). */
async function databaseWithRows(name: string, values: string[]): Promise<void> {
  await freshDatabase(name);
  const conn = await directConnection(name);
  try {
    await conn.query(TABLE_T);
    if (values.length) await conn.query(`insert into t(c) values ${values.map(() => '(?)').join(', ')}`, values);
  } finally {
    await conn.end();
  }
}

async function tableRows(database: string): Promise<unknown[][]> {
  const conn = await directConnection(database);
  try {
    const [rows] = await conn.query({ sql: 'select id, c from t order by id', rowsAsArray: true });
    return rows as unknown[][];
  } finally {
    await conn.end();
  }
}

/** The global values of the three ghost keys Archery sets per session. */
async function ghostVariables(): Promise<(string | number | null)[][]> {
  const result = await archeryResultSet(inceptor.port, "inception get variables like 'ghost_a%'", 'instance');
  return result.rows.filter((r) => Object.hasOwn(ALIYUN_GHOST_SESSION, String(r[0])));
}

describe('mysqlclient with Archery quirks', () => {
  test('SQL from the web form: CRLF line ends, two statements on one line, a trailing comment line', async () => {
    const database = 'e2e_quirks_crlf';
    await databaseWithRows(database, ['a']);
    const firstSql = "insert into t(id, c) values (10, 'b')";
    const secondSql = "insert into t(id, c) values (11, 'c')";
    const updateSql = "update t\r\n   set c = 'x;\r\ny'\r\n where id = 1";
    // Archery appends ';' after sql.rstrip(';'), so the comment line becomes `-- the end;`: a chunk of no statements.
    const userSql = `${firstSql}; ${secondSql};\r\n${updateSql};\r\n-- the end`;
    const result = await archeryResultSet(inceptor.port, checkEnvelope(db, database, userSql));
    assertRows(result, [
      audited(1, `use \`${database}\``),
      audited(2, firstSql, { affected: 1 }),
      audited(3, secondSql, { affected: 1 }),
      audited(4, updateSql, { affected: 1 }),
    ], true);
  });

  test('Aliyun RDS ghost `inception set session` lines: no rows, the batch runs, the settings do not leak', async () => {
    const database = 'e2e_quirks_session';
    await databaseWithRows(database, ['a']);
    const before = await ghostVariables();
    assert.deepEqual(before, [['ghost_aliyun_rds', 'false'], ['ghost_allow_on_master', 'true'], ['ghost_assume_rbr', 'true']]);
    const updateSql = "update t set c = 'ghost' where id = 1";

    const checked = await archeryResultSet(inceptor.port, checkEnvelope(db, database, updateSql, { sessionVariables: ALIYUN_GHOST_SESSION }));
    assertRows(checked, [audited(1, `use \`${database}\``), audited(2, updateSql, { affected: 1 })], true);

    const from = nowSeconds();
    const run = await archeryResultSet(inceptor.port, executeEnvelope(db, database, `${updateSql};`, { sessionVariables: ALIYUN_GHOST_SESSION }));
    const window = { from, to: nowSeconds() };
    const threadId = Number(/^\d+_(\d+)_/.exec(String(run.rows[0]?.[7]))?.[1]);
    assertRows(run, [executed(1, `use \`${database}\``, threadId), executed(2, updateSql, threadId, { affected: 1 })], true, window);
    assert.deepEqual(await tableRows(database), [[1, 'ghost']]);
    assert.deepEqual(await ghostVariables(), before, 'in-batch session settings did not change the global ones');
  });

  test('--backup=1 (Archery default) without a backup server: one level-2 start row, nothing runs', async () => {
    const database = 'e2e_quirks_backup';
    await databaseWithRows(database, ['a']);
    const result = await archeryResultSet(inceptor.port, executeEnvelope(db, database, "update t set c = 'b' where id = 1;", { backup: true }));
    assertRows(result, [
      // the start row shows the bare start statement, not the magic comment (which holds the password)
      audited(1, 'inception_magic_start', { level: 2, message: 'Invalid remote backup information.' }),
    ], true);
    assert.deepEqual(await tableRows(database), [[1, 'a']]);
  });

  test(
    '--real_row_count=true: affected_rows is the real count of matching rows, not the EXPLAIN estimate',
    async () => {
      const database = 'e2e_quirks_real_rows';
      await databaseWithRows(database, ['a', 'a', 'b', 'b', 'b', 'b', 'b', 'b', 'b', 'b']);
      const updateSql = "update t set c = 'x' where c = 'a'";
      const deleteSql = "delete from t where c = 'b'";
      const result = await archeryResultSet(inceptor.port, checkEnvelope(db, database, `${updateSql};\n${deleteSql};`, { realRowCount: true }));
      assertRows(result, [
        audited(1, `use \`${database}\``),
        audited(2, updateSql, { affected: 2 }),
        audited(3, deleteSql, { affected: 8 }),
      ], true);
    },
  );
});
