import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BATCH_COLUMNS, describeAtPrepare, preparedShape, restoreLeadingComment } from '../../../src/server/describe.js';
import { ColumnType, ER, mysqlError, type QueryResult } from '../../../src/protocol/result.js';
import { RESULT_COLUMN_NAMES } from '../../support/result-columns.js';

const BATCH = '/*--user=u;--password=p;--host=h;--port=3306;--check=1;*/ inception_magic_start; use d; insert into t values(1); inception_magic_commit;';
const ROWS: QueryResult = { kind: 'rows', columns: [{ name: 'Variable_name', type: ColumnType.VAR_STRING }, { name: 'Value', type: ColumnType.VAR_STRING }], rows: [['version', '1']] };

function deps(seen: string[] = []) {
  return {
    compat: (sql: string) => (seen.push(`compat:${sql}`), sql.includes('@@') ? ROWS : null),
    runLocal: async (sql: string) => (seen.push(`local:${sql}`), ROWS),
  };
}

test('shapes: batches with or without the magic comment, SELECT/SHOW, read-only local commands, the rest', () => {
  assert.equal(preparedShape(BATCH), 'batch');
  assert.equal(preparedShape('inception_magic_start; use d; inception_magic_commit'), 'batch');
  assert.equal(preparedShape(' /* x */ SELECT @@version_comment limit 1'), 'compat');
  assert.equal(preparedShape('show variables like "v%"'), 'compat');
  assert.equal(preparedShape("inception get variables like 'version'"), 'local');
  assert.equal(preparedShape('inception show levels'), 'local');
  assert.equal(preparedShape('inception show processlist'), 'local');
  // side effects, or not ours: never run at prepare time
  assert.equal(preparedShape("inception set osc_on = 1"), 'unknown');
  assert.equal(preparedShape('kill 5'), 'unknown');
  assert.equal(preparedShape('update t set a = 1'), 'unknown');
  assert.equal(preparedShape('set autocommit=1'), 'unknown');
  assert.equal(preparedShape(''), 'unknown');
});

test('a batch announces the 13 audit columns without running anything', async () => {
  const seen: string[] = [];
  const columns = await describeAtPrepare(BATCH, 0, deps(seen));
  assert.deepEqual(columns.map((c) => c.name), RESULT_COLUMN_NAMES);
  assert.deepEqual(columns, [...BATCH_COLUMNS]);
  assert.deepEqual(seen, []);
  // a `?` inside the batch does not stop it being described
  assert.equal((await describeAtPrepare(BATCH.replace('values(1)', 'values(?)'), 1, deps())).length, 13);
});

test('compat and read-only local commands are answered at prepare time and announce their columns', async () => {
  const seen: string[] = [];
  assert.deepEqual((await describeAtPrepare('select @@version', 0, deps(seen))).map((c) => c.name), ['Variable_name', 'Value']);
  assert.deepEqual((await describeAtPrepare('select a from t', 0, deps(seen))), []);
  assert.equal((await describeAtPrepare("inception get variables like 'version'", 0, deps(seen))).length, 2);
  assert.deepEqual(seen, ['compat:select @@version', 'compat:select a from t', "local:inception get variables like 'version'"]);
});

test('placeholders, errors and statements with side effects announce no columns', async () => {
  const seen: string[] = [];
  assert.deepEqual(await describeAtPrepare('select @@x, ?', 1, deps(seen)), []);
  assert.deepEqual(await describeAtPrepare('inception set osc_on=1', 0, deps(seen)), []);
  assert.deepEqual(seen, []);
  const failing = { compat: () => { throw mysqlError(ER.UNKNOWN_SYSTEM_VARIABLE, 'nope'); }, runLocal: async () => ROWS };
  assert.deepEqual(await describeAtPrepare('select @@nope', 0, failing), []);
  const broken = { compat: () => { throw new Error('bug'); }, runLocal: async () => ROWS };
  await assert.rejects(describeAtPrepare('select @@nope', 0, broken), /bug/);
});

test('the batch Connector/ODBC re-prepares without its leading comment gets the comment back', () => {
  const stripped = 'inception_magic_start; use d; insert into t values(1); inception_magic_commit';
  assert.equal(restoreLeadingComment(BATCH, stripped), BATCH);
  assert.equal(restoreLeadingComment(BATCH, `${stripped};`), BATCH);
  // only right after the close of that batch
  assert.equal(restoreLeadingComment(null, stripped), stripped);
  assert.equal(restoreLeadingComment(BATCH, 'inception_magic_start; use other; inception_magic_commit'), 'inception_magic_start; use other; inception_magic_commit');
  assert.equal(restoreLeadingComment('/* c */ select 1', 'select 1'), 'select 1');
  assert.equal(restoreLeadingComment(BATCH, BATCH), BATCH);
});
