// The target variables read once per batch (docs/options.md, docs/audit.md) on MariaDB, against a private server
// started with non-default values so that a value merely defaulted by the reader cannot pass for one read.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultOptions, type BatchOptions } from '../../../src/options/magic-comment.js';
import { StageStatus } from '../../../src/rows/row.js';
import { parseVersionNumber, TargetSession, type TargetIncSettings } from '../../../src/target/session.js';
import { batchRunner, header, rootConnection, startMariaDbWith, type PrivateDb } from './support.js';

const SERVER_SQL_MODE = 'STRICT_ALL_TABLES,NO_ZERO_DATE';
let server: PrivateDb;
let options: BatchOptions;
let direct: Map<string, string>;
const { run } = batchRunner();

before(async () => {
  server = await startMariaDbWith(['--lower-case-table-names=1', `--sql-mode=${SERVER_SQL_MODE}`, '--explicit-defaults-for-timestamp=OFF']);
  options = { ...defaultOptions(), host: server.host, port: server.port, user: server.user, password: server.password };
  const c = await rootConnection(server);
  await c.query(`
    CREATE DATABASE vars_latin1 CHARACTER SET latin1;
    CREATE TABLE vars_latin1.Mixed_Case (id INT NOT NULL PRIMARY KEY COMMENT 'id', v INT COMMENT 'v') COMMENT 'm';
    SET GLOBAL sql_safe_updates = 1;`);
  const [rows] = await c.query('SHOW GLOBAL VARIABLES');
  direct = new Map((rows as { Variable_name: string; Value: string }[]).map((r) => [r.Variable_name, r.Value]));
  await c.end();
});

after(() => server?.stop());

async function connect(over: Partial<BatchOptions> = {}, inc: TargetIncSettings = {}): Promise<TargetSession> {
  return TargetSession.connect({ ...options, ...over }, { inc: { default_charset: 'utf8mb4', ...inc } });
}

test('serverInfo matches what the server reports (MariaDB 10.11 with non-default settings)', async () => {
  const target = await connect();
  try {
    const info = target.serverInfo;
    assert.equal(info.version, direct.get('version'));
    assert.equal(info.versionComment, direct.get('version_comment'));
    assert.equal(info.versionNumber, parseVersionNumber(direct.get('version')!));
    assert.ok(info.versionNumber >= 100000 && info.versionNumber < 1000000, String(info.versionNumber));
    assert.equal(info.isMariaDb, true);
    assert.equal(info.isTiDb, false);
    assert.equal(info.lowerCaseTableNames, 1);
    assert.equal(info.sqlMode, SERVER_SQL_MODE);
    assert.equal(info.explicitDefaultsForTimestamp, false);
    assert.equal(info.wsrepOn, false);
    // MariaDB ≥ 10.3 has no innodb_large_prefix, and no MySQL GTID variables: absent, not guessed.
    assert.equal(direct.has('innodb_large_prefix'), false);
    assert.equal(info.innodbLargePrefix, null);
    assert.deepEqual([info.gtidMode, info.enforceGtidConsistency], ['', '']);
    assert.equal(info.characterSetDatabase, 'utf8mb4', 'no --db: the server default');
  } finally {
    await target.close();
  }
});

test('character_set_database is that of the --db database; a configured sql_mode replaces the server one', async () => {
  const target = await connect({ db: 'vars_latin1' }, { sql_mode: 'ANSI_QUOTES' });
  try {
    assert.equal(target.serverInfo.characterSetDatabase, 'latin1');
    assert.equal(target.serverInfo.sqlMode, 'ANSI_QUOTES');
  } finally {
    await target.close();
  }
});

test('sql_safe_updates=-1 leaves the server value (here 1), 0 and 1 set it', async () => {
  for (const [configured, expected] of [[-1, 1], [0, 0], [1, 1]] as const) {
    const target = await connect({}, { sql_safe_updates: configured });
    try {
      const [row] = await target.query<{ v: string | number }>('SELECT @@session.sql_safe_updates AS v');
      assert.equal(Number(row!.v), expected, `sql_safe_updates=${configured}`);
    } finally {
      await target.close();
    }
  }
});

test('lower_case_table_names=1 reaches the auditor: a table named in another case is found', async () => {
  const rows = await run(`${header(server, '--check=1;--db=vars_latin1;')}\ninsert into MIXED_CASE (id, v) values (1, 1);\ninception_magic_commit;`);
  assert.equal(rows.length, 1, JSON.stringify(rows));
  assert.deepEqual([rows[0]!.level, rows[0]!.status, rows[0]!.message], ['0', StageStatus.AUDIT_COMPLETED, null]);
});
