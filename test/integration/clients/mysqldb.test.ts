// Real-client compatibility: mysqlclient (MySQLdb, Archery) against an in-process inceptor (see suite.ts for what is checked).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { directConnection } from '../../support/mariadb.js';
import { startTestInceptor, type RunningInceptor } from './inceptor-under-test.js';
import { checkBatchFixture, UTF8_TEXT, type CheckBatchFixture } from './support.js';
import { mysqldbProbe } from './probes.js';
import { clientSuite } from './suite.js';

clientSuite('mysqlclient (MySQLdb, Archery)', mysqldbProbe, { id: 'mysqldb', nativeErrorCodes: true, oneLineBatch: false });

// Archery's own traffic, byte for byte (docs/wire.md, docs/batch.md#grammar).

describe('mysqlclient with Archery envelopes', () => {
  let inceptor: RunningInceptor;
  let fixture: CheckBatchFixture;
  before(async () => {
    inceptor = await startTestInceptor();
    fixture = await checkBatchFixture('clients_archery');
  });
  after(async () => {
    await inceptor?.close();
  });

  test('a registered goInception instance: no user, no password, INCEPTION GET VARIABLES', async () => {
    const outcome = await mysqldbProbe({ port: inceptor.port, user: null, password: null, queries: ['INCEPTION GET VARIABLES'] });
    assert.ok('results' in outcome, JSON.stringify(outcome));
    const [vars] = outcome.results;
    assert.ok(vars && 'columns' in vars, JSON.stringify(vars));
    assert.deepEqual(vars.columns, ['Variable_name', 'Value']);
    assert.ok(vars.rows.some((r) => r[0] === 'version'));
  });

  test('the execute envelope runs the insert with its utf8mb4 text on the target', async () => {
    const { db, database, insertSql } = fixture;
    const envelope = `/*--user='${db.user}';--password='${db.password}';--host='${db.host}';--port=${db.port};--execute=1;--ignore-warnings=1;--backup=0;--sleep=200;--sleep_rows=100*/
                            inception_magic_start;
                            use \`${database}\`;
                            ${insertSql};
                            inception_magic_commit;`;
    const outcome = await mysqldbProbe({ port: inceptor.port, user: 'archery', password: 'archerypw', queries: [envelope] });
    assert.ok('results' in outcome, JSON.stringify(outcome));
    const [result] = outcome.results;
    assert.ok(result && 'columns' in result, JSON.stringify(result));
    assert.equal(result.rows.length, 2);
    for (const row of result.rows) {
      assert.deepEqual([row[1], row[2], row[3], row[4]], ['EXECUTED', '0', 'Execute Successfully', null], JSON.stringify(row));
      assert.match(row[7]!, /^\d{10}_\d+_0000000\d$/, 'sequence = {exec ts}_{thread}_{seq}');
      assert.equal(row[8], null, 'no backup_dbname with --backup=0');
    }
    assert.equal(result.rows[1]![5], insertSql);
    assert.equal(result.rows[1]![6], '1', 'one row inserted');
    const conn = await directConnection(database);
    try {
      const [rows] = await conn.query({ sql: 'SELECT c FROM t', rowsAsArray: true });
      assert.deepEqual(rows, [[UTF8_TEXT]]);
    } finally {
      await conn.end();
    }
  });
});
