// The connection's local answers to driver start-up queries (src/server/compat.ts is pure over the variables).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { answerCompat, compatStatements, startsLikeCompat, type CompatSession } from '../../../src/server/compat.js';
import { SessionVariables } from '../../../src/server/variables.js';
import { ColumnType, MysqlError, type QueryResult } from '../../../src/protocol/result.js';

function session(db: string | null = null): CompatSession {
  return {
    connectionId: 10485844, user: 'alice', clientHost: '127.0.0.1:5555', currentDb: db,
    variables: new SessionVariables({ serverVersion: '5.7.25-inceptor-0.1.0', versionComment: 'inceptor', maxAllowedPacket: 4194304, tlsEnabled: false }),
  };
}

function rows(sql: string, s = session()): { names: string[]; types: number[]; rows: (string | null)[][] } {
  const answer = answerCompat(sql, s);
  assert.ok(answer, `answered locally: ${sql}`);
  const r = answer.result as Extract<QueryResult, { kind: 'rows' }>;
  assert.equal(r.kind, 'rows');
  return { names: r.columns.map((c) => c.name), types: r.columns.map((c) => c.type), rows: r.rows };
}

function mysqlCode(fn: () => unknown): number {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof MysqlError);
    return err.code;
  }
  assert.fail('expected a MysqlError');
}

test('the mariadb CLI start-up queries', () => {
  assert.deepEqual(rows('select @@version_comment limit 1').rows, [['inceptor']]);
  assert.deepEqual(rows('SELECT DATABASE()', session('db1')), { names: ['DATABASE()'], types: [ColumnType.VAR_STRING], rows: [['db1']] });
  assert.deepEqual(rows('select database();').rows, [[null]]);
});

test('Connector/J 2.7 start-up: SET list with concat(@@sql_mode, …) then a @@ list', () => {
  const s = session();
  assert.deepEqual(answerCompat("set autocommit=1, sql_mode = concat(@@sql_mode,',STRICT_TRANS_TABLES')", s)?.result, { kind: 'ok' });
  assert.match(s.variables.get('sql_mode').value!, /NO_ENGINE_SUBSTITUTION,STRICT_TRANS_TABLES$/);
  const r = rows('SELECT @@max_allowed_packet,@@system_time_zone,@@time_zone,@@auto_increment_increment', s);
  assert.deepEqual(r.names, ['@@max_allowed_packet', '@@system_time_zone', '@@time_zone', '@@auto_increment_increment']);
  assert.deepEqual(r.types, [ColumnType.LONGLONG, ColumnType.VAR_STRING, ColumnType.VAR_STRING, ColumnType.LONGLONG]);
  assert.deepEqual([r.rows[0]![0], r.rows[0]![2], r.rows[0]![3]], ['4194304', 'SYSTEM', '1']);
});

test('@@ selects keep the name as written, honour aliases, scopes and LIMIT 0', () => {
  const r = rows('SELECT @@session.auto_increment_increment AS auto_increment_increment, @@GLOBAL.tx_isolation iso, @@Autocommit');
  assert.deepEqual(r.names, ['auto_increment_increment', 'iso', '@@Autocommit']);
  assert.deepEqual(r.rows, [['1', 'REPEATABLE-READ', '1']]);
  assert.deepEqual(rows('select @@version limit 0').rows, []);
  assert.deepEqual(rows("  SELECT 1, 'abc', NULL, -2.5 FROM DUAL ; ").rows, [['1', 'abc', null, '-2.5']]);
  assert.deepEqual(rows("SELECT 'abc'").names, ['abc']);
  assert.deepEqual(rows('select connection_id()').rows, [['10485844']]);
  assert.deepEqual(rows('select user(), current_user()').rows, [['alice@127.0.0.1', 'alice@%']]);
});

test('unknown system variables answer 1193', () => {
  assert.equal(mysqlCode(() => answerCompat('select @@no_such_thing', session())), 1193);
  assert.equal(mysqlCode(() => answerCompat('set no_such_thing = 1', session())), 1193);
  assert.equal(mysqlCode(() => answerCompat('set autocommit = maybe', session())), 1231);
  assert.equal(mysqlCode(() => answerCompat("set wait_timeout = 'x'", session())), 1232);
  assert.equal(mysqlCode(() => answerCompat('set version = 1', session())), 1238);
});

test('SET NAMES, CHARACTER SET, transaction levels and DEFAULT', () => {
  const s = session();
  answerCompat('SET NAMES utf8 COLLATE utf8_unicode_ci', s);
  assert.equal(s.variables.get('character_set_client').value, 'utf8');
  assert.equal(s.variables.get('character_set_results').value, 'utf8');
  assert.equal(s.variables.get('collation_connection').value, 'utf8_unicode_ci');
  answerCompat("set names 'latin1'", s);
  assert.equal(s.variables.get('collation_connection').value, 'latin1_swedish_ci');
  answerCompat('SET character_set_results = NULL', s);
  assert.deepEqual(rows('select @@character_set_results', s).rows, [[null]]);
  answerCompat('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED', s);
  assert.equal(s.variables.get('tx_isolation').value, 'READ-COMMITTED');
  answerCompat('set @@session.transaction_read_only = ON, autocommit = OFF', s);
  assert.equal(s.variables.get('tx_read_only').value, '1');
  assert.equal(s.variables.get('autocommit').value, '0');
  answerCompat('set autocommit = DEFAULT, @x = 5', s);
  assert.equal(s.variables.get('autocommit').value, '1');
  // a bad assignment changes nothing
  assert.throws(() => answerCompat('set autocommit = 0, nope = 1', s));
  assert.equal(s.variables.get('autocommit').value, '1');
});

test('SHOW VARIABLES with LIKE and WHERE, SHOW WARNINGS', () => {
  const like = rows("SHOW SESSION VARIABLES LIKE 'character\\_set\\_c%'");
  assert.deepEqual(like.names, ['Variable_name', 'Value']);
  assert.deepEqual(like.rows, [['character_set_client', 'utf8mb4'], ['character_set_connection', 'utf8mb4']]);
  assert.deepEqual(rows("show variables where Variable_name = 'autocommit'").rows, [['autocommit', 'ON']]);
  assert.deepEqual(rows("SHOW GLOBAL VARIABLES WHERE Variable_name IN ('max_allowed_packet', 'LICENSE') OR variable_name like 'lower%'").rows.map((r) => r[0]), ['license', 'lower_case_table_names', 'max_allowed_packet']);
  assert.ok(rows('show variables').rows.length > 50);
  const w = rows('SHOW WARNINGS');
  assert.deepEqual(w.names, ['Level', 'Code', 'Message']);
  assert.deepEqual(w.rows, []);
});

test('SHOW WARNINGS / SHOW ERRORS list what the last handled statement left, LIMIT applied', () => {
  const s: CompatSession = {
    ...session(),
    warnings: [
      { level: 'Warning', code: 1105, message: 'osc process not found' },
      { level: 'Error', code: 1105, message: 'e' },
    ],
  };
  assert.deepEqual(rows('show warnings', s).rows, [['Warning', '1105', 'osc process not found'], ['Error', '1105', 'e']]);
  assert.deepEqual(rows('SHOW WARNINGS LIMIT 1, 5', s).rows, [['Error', '1105', 'e']]);
  assert.deepEqual(rows('show errors', s).rows, [['Error', '1105', 'e']]);
});

test('USE outside a batch changes the database', () => {
  assert.deepEqual(answerCompat('use `my db`;', session()), { result: { kind: 'ok' }, useDb: 'my db' });
});

test('everything else goes to the query handler', () => {
  const s = session();
  for (const sql of [
    '/*--user=u;--password=p;--host=127.0.0.1;--port=3306;--execute=1;*/ inception_magic_start; use test; inception_magic_commit;',
    'use test; select 1', 'select 1; select 2', 'select a from t', 'inception get variables', "inception set check_dml_where = 1",
    'kill 5', 'select sleep(1)', 'show databases', 'show processlist', 'SET PASSWORD = PASSWORD("x")', 'update t set a=1',
    "select 'unterminated", '', '   ;', 'select high_priority 1',
  ]) {
    assert.equal(answerCompat(sql, s), null, sql);
  }
});

test('startsLikeCompat decides from the first keyword after comments, without tokenizing the rest', () => {
  for (const sql of [
    'set autocommit=1', '  SELECT 1', '/* c */ show variables', '-- note\nuse db', '# x\nSet names utf8', 'select@@version',
    '/*!40101 x */select 1', 'set\tnames utf8', 'use`db`', '\u00a0\ufeffselect 1',
  ]) {
    assert.equal(startsLikeCompat(sql), true, sql);
  }
  const bigBatch = `/*--user=u;--password=p;--host=127.0.0.1;--port=3306;--execute=1;*/\ninception_magic_start;\nuse test;\n${'insert into t values (1);\n'.repeat(10000)}inception_magic_commit;`;
  for (const sql of [
    bigBatch, 'inception get variables', 'kill 5', 'update t set a=1', 'settings', 'selects 1', 'set_x = 1', 'select1',
    '/* unterminated', '-- only a comment', '', '(select 1)', 'sélect 1', 'select\u00e9', '--x\nselect 1',
  ]) {
    assert.equal(startsLikeCompat(sql), false, sql.slice(0, 60));
  }
  // a batch is rejected fast: far below what tokenizing 10k statements takes
  const t0 = performance.now();
  for (let i = 0; i < 1000; i++) assert.equal(answerCompat(bigBatch, session()), null);
  assert.ok(performance.now() - t0 < 500, 'a batch is not tokenized by the compat layer');
});

test('compatStatements: a text of several compat statements, answered in order one by one', () => {
  const s = session('db0');
  const statements = compatStatements("SET autocommit=0; SELECT @@autocommit AS a; USE db2; SELECT DATABASE() d; SHOW VARIABLES LIKE 'autocommit';", s);
  assert.ok(statements);
  assert.equal(statements.length, 5);
  assert.equal(s.variables.get('autocommit').value, '1', 'deciding changes nothing');
  let view: CompatSession = s;
  const results = statements.map((st) => {
    const answer = st.run(view);
    if (answer.useDb !== undefined) view = { ...view, currentDb: answer.useDb };
    return answer;
  });
  assert.deepEqual(results[0], { result: { kind: 'ok' } });
  assert.deepEqual((results[1]!.result as Extract<QueryResult, { kind: 'rows' }>).rows, [['0']]);
  assert.equal(results[2]!.useDb, 'db2');
  assert.deepEqual((results[3]!.result as Extract<QueryResult, { kind: 'rows' }>).rows, [['db2']]);
  assert.deepEqual((results[4]!.result as Extract<QueryResult, { kind: 'rows' }>).rows, [['autocommit', 'OFF']]);
  assert.equal(s.variables.get('autocommit').value, '0');
});

test('compatStatements: a rejected statement is still ours (its run throws); any foreign statement or a single one is not', () => {
  const s = session();
  const statements = compatStatements('set sql_mode=ANSI; select @@nope; set autocommit=0', s);
  assert.ok(statements);
  statements[0]!.run(s);
  assert.equal(mysqlCode(() => statements[1]!.run(s)), 1193);
  assert.equal(s.variables.get('sql_mode').value, 'ANSI');
  assert.equal(s.variables.get('autocommit').value, '1', 'not run yet');
  for (const sql of [
    'set autocommit=0', 'set autocommit=0;;', 'SET a=1; inception get variables', 'select 1; select a from t',
    '/*--user=u;*/ inception_magic_start; use test; inception_magic_commit;', "set names utf8; select 'x", 'use a; kill 3',
  ]) {
    assert.equal(compatStatements(sql, s), null, sql);
  }
  assert.equal(s.variables.get('character_set_client').value, 'utf8mb4', 'a refused text changed nothing');
  assert.equal(compatStatements("select ';'; select 2", s)?.length, 2, 'a ; inside a string does not split');
});

test('session variables share their defaults but not their changes; clone and reset are independent', () => {
  const a = session().variables;
  const b = session().variables;
  a.set('autocommit', 'OFF');
  assert.equal(a.autocommit, false);
  assert.equal(b.autocommit, true);
  const c = a.clone();
  c.set('sql_mode', 'ANSI');
  assert.notEqual(a.get('sql_mode').value, 'ANSI');
  assert.equal(c.autocommit, false);
  a.set('tx_isolation', 'READ-COMMITTED');
  assert.equal(a.get('transaction_isolation').value, 'READ-COMMITTED');
  assert.equal(a.get('transaction_isolation', 'global').value, 'REPEATABLE-READ');
  a.reset();
  assert.equal(a.autocommit, true);
  assert.equal(a.get('transaction_isolation').value, 'REPEATABLE-READ');
  assert.equal(a.list().length, b.list().length);
  assert.deepEqual(a.list().map((v) => v.name), [...a.list().map((v) => v.name)].sort());
});

test('texts the shared tokenizer reads but compat never answers go to the handler', () => {
  for (const sql of ["select 'open", 'select 1 /* open', 'select @@', 'SET @@session. = 1', 'select 1.5abc', 'select 1 & 2', "select 'a'@x", 'select 1e5x']) {
    assert.equal(answerCompat(sql, session()), null, sql);
  }
  // `1.` is the number 1 and a dot (not ours), `.5` a number
  assert.equal(answerCompat('select 1.', session()), null);
  assert.deepEqual(rows('select .5').rows, [['.5']]);
  assert.deepEqual(rows("select 'a\\tb' AS `x``y`"), { names: ['x`y'], types: [ColumnType.VAR_STRING], rows: [['a\tb']] });
});

test('@@system_time_zone is the host zone read once per process (a child process per zone)', () => {
  // The value is cached per process (src/server/variables.ts), so each zone needs its own process.
  const zoneOf = (tz: string): string => {
    const script = [
      "const { SessionVariables } = await import('./src/server/variables.ts');",
      "const d = { serverVersion: 'v', versionComment: 'c', maxAllowedPacket: 1024, tlsEnabled: false };",
      "const a = new SessionVariables(d).get('system_time_zone').value;",
      "const b = new SessionVariables({ ...d, port: 1 }).get('system_time_zone').value;",
      'process.stdout.write(a === b ? a : `differs: ${a} ${b}`);',
    ].join('\n');
    const out = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    return out.stdout;
  };
  assert.equal(zoneOf('UTC'), 'UTC');
  assert.match(zoneOf('America/New_York'), /^E[SD]T$/);
});
