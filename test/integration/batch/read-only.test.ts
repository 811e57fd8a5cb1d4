// check_read_only (docs/stages.md) needs a server with read_only=ON; flipping it on the shared test database would
// break other tests running at the same time, so this file starts its own private MariaDB.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import mysql from 'mysql2/promise';
import { startPrivateMariaDb } from '../../support/mariadb.js';
import { defaultOptions, type BatchOptions } from '../../../src/options/magic-comment.js';
import { ResultRow, StageStatus } from '../../../src/rows/row.js';
import { defaultConfig } from '../../../src/config/config.js';
import { Settings } from '../../../src/config/settings.js';
import { READ_ONLY_MESSAGE, runExecuteStage } from '../../../src/execute/execute.js';
import { ProcessRegistry } from '../../../src/process/registry.js';
import { TargetSession } from '../../../src/target/session.js';

let server: Awaited<ReturnType<typeof startPrivateMariaDb>>;
let options: BatchOptions;

before(async () => {
  server = await startPrivateMariaDb();
  options = { ...defaultOptions(), host: server.host, port: server.port, user: server.user, password: server.password, execute: true };
  const c = await mysql.createConnection({ host: server.host, port: server.port, user: server.user, password: server.password });
  await c.query('create database ro');
  await c.query('create table ro.t (id int primary key)');
  await c.query('set global read_only = 1');
  await c.end();
});

after(() => server?.stop());

async function execute(checkReadOnly: boolean): Promise<ResultRow[]> {
  const settings = new Settings(defaultConfig());
  settings.inc.check_read_only = checkReadOnly;
  const target = await TargetSession.connect(options, settings);
  const rows = ['use ro', 'insert into t values (1)'].map((sql, i) => {
    const r = new ResultRow(sql, { text: sql, kind: i === 0 ? 'use' : 'insert', ast: null });
    r.seqNo = i;
    return r;
  });
  const entry = new ProcessRegistry().register({ id: 2, user: 'u', clientHost: 'h', isAdmin: false, close: () => {} });
  entry.beginRequest();
  try {
    await runExecuteStage({ options, rows, target, settings, process: entry });
  } finally {
    await target.close();
  }
  return rows;
}

test('read_only target: first row gets the refusal, nothing runs', async () => {
  const rows = await execute(true);
  assert.equal(rows[0]!.errorLevel, 2);
  assert.equal(rows[0]!.errorMessage, READ_ONLY_MESSAGE);
  assert.deepEqual(rows.map((r) => [r.stage, r.stageStatus]), [['CHECKED', StageStatus.AUDIT_COMPLETED], ['CHECKED', StageStatus.AUDIT_COMPLETED]]);
});

test('check_read_only off: the statements run (root bypasses read_only on MariaDB)', async () => {
  const rows = await execute(false);
  assert.deepEqual(rows.map((r) => r.stageStatus), [StageStatus.EXECUTE_OK, StageStatus.EXECUTE_OK]);
});
