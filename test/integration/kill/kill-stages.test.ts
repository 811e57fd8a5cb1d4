// KILL of a running batch (docs/kill.md): while CHECKING the audit stops
// after the current statement; while EXECUTING the running statement completes and the rest do not run; KILL
// CONNECTION answers the batch and then closes. The processlist is polled, never slept on.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type mysql from 'mysql2/promise';
import { freshDatabase, testDb, type TestDb } from '../../support/mariadb.js';
import { startTestInceptor, type RunningInceptor } from '../clients/inceptor-under-test.js';
import { batchHeader, connectTo, handshakeId, processlist, resetTable, slowUpdates, socketClosed, targetValues, waitForProcess, within } from './helpers.js';

const DATABASE = 'kill_stages';
const KILLED = 'Operation has been killed!';
const LOCAL_QUERY = "inception get variables like 'version'";
/**
 * CHECKING is killable because the check stage hands the event loop back every ~10 ms of audit work
 * (src/batch/stages/check.ts); before it did, a 10 000-statement audit was one ~880 ms block and a KILL was
 * only served when the audit happened to wait on the target.
 */

type Cell = string | number | null;
/** Column indexes of the 13-column result (docs/results.md). */
const COL = { stage: 1, level: 2, status: 3, message: 4, sql: 5 } as const;

async function resultRows(pending: Promise<[unknown, unknown]>): Promise<Cell[][]> {
  const [rows] = await within(60_000, 'the killed batch to answer', pending);
  return rows as Cell[][];
}

describe('KILL during a batch', () => {
  let inceptor: RunningInceptor;
  let db: TestDb;
  let observer: mysql.Connection;

  before(async () => {
    db = await testDb();
    await freshDatabase(DATABASE);
    inceptor = await startTestInceptor();
    observer = await connectTo(inceptor.port);
  });
  after(async () => {
    await observer?.end();
    await inceptor?.close();
  });

  test('KILL QUERY while CHECKING: fewer rows, the killed message on the last one, connection still usable', async () => {
    await resetTable(DATABASE);
    const count = 10_000;
    const inserts = Array.from({ length: count }, (_, i) => `insert into t (id, c) values (${100 + i}, 'x${i}');`);
    const batch = [batchHeader(db, '--check=1;'), 'inception_magic_start;', `use \`${DATABASE}\`;`, ...inserts, 'inception_magic_commit;'].join('\n');
    const victim = await connectTo(inceptor.port);
    try {
      const id = handshakeId(victim);
      const pending = victim.query({ sql: batch, rowsAsArray: true });
      const seen = await waitForProcess(observer, id, (r) => r.STATE === 'CHECKING' && r.Command === 'CHECK' && (r.Info ?? '').startsWith('insert'));
      assert.deepEqual([seen.Dest_User, seen.Dest_Host, seen.Dest_Port], [db.user, db.host, db.port]);
      assert.ok(seen.Percent === null || /^\d{1,3}\.\d\d%$/.test(seen.Percent), String(seen.Percent));
      await observer.query(`KILL QUERY ${id}`);

      const rows = await resultRows(pending);
      assert.ok(rows.length > 1 && rows.length < count + 1, `stopped early: ${rows.length} rows for ${count + 1} statements`);
      const last = rows[rows.length - 1]!;
      assert.match(String(last[COL.message]), new RegExp(`${KILLED}$`));
      assert.equal(last[COL.level], 2);
      assert.equal(rows.filter((r) => String(r[COL.message] ?? '').includes(KILLED)).length, 1, 'only the last row says killed');
      assert.ok(rows.every((r) => r[COL.stage] === 'CHECKED'), 'nothing executed');

      const [after] = await victim.query(LOCAL_QUERY);
      assert.equal((after as unknown[]).length, 1, 'KILL QUERY keeps the connection');
      const idle = (await processlist(observer)).find((r) => r.Id === id);
      assert.deepEqual([idle?.Command, idle?.STATE, idle?.Info, idle?.Dest_User], ['LOCAL', 'INIT', null, null], 'reset after the request');
    } finally {
      await victim.end();
    }
  });

  test('KILL QUERY while EXECUTING: the running statement completes, later ones never run', async () => {
    await resetTable(DATABASE);
    const victim = await connectTo(inceptor.port);
    try {
      const id = handshakeId(victim);
      const pending = victim.query({ sql: slowUpdates(db, DATABASE, 6), rowsAsArray: true });
      const seen = await waitForProcess(observer, id, (r) => r.STATE === 'EXECUTING' && /where id = 2 /.test(r.Info ?? ''));
      assert.equal(seen.Command, 'EXECUTE');
      await observer.query(`KILL QUERY ${id}`);

      const rows = await resultRows(pending);
      assert.equal(rows.length, 7, 'every statement keeps its row');
      const killedAt = rows.findIndex((r) => String(r[COL.message] ?? '').includes(KILLED));
      assert.ok(killedAt >= 2, `killed at the update of id 2 or later (row ${killedAt})`);
      assert.ok(killedAt < 6, 'killed before the last statement');
      assert.match(String(rows[killedAt]![COL.message]), /Execute: Operation has been killed!$/);
      for (const [i, row] of rows.entries()) {
        if (i <= killedAt) assert.deepEqual([row[COL.stage], row[COL.status]], ['EXECUTED', 'Execute Successfully'], `row ${i}`);
        else assert.deepEqual([row[COL.stage], row[COL.status]], ['CHECKED', 'Audit Completed'], `row ${i}`);
      }
      // rows[i] (i ≥ 1) is the update of id i: the target shows exactly the executed ones
      const expected = [1, 2, 3, 4, 5, 6].map((n) => (n <= killedAt ? 'after' : 'before'));
      assert.deepEqual(await targetValues(DATABASE), expected);

      const [after] = await victim.query(LOCAL_QUERY);
      assert.equal((after as unknown[]).length, 1, 'KILL QUERY keeps the connection');
    } finally {
      await victim.end();
    }
  });

  test('KILL CONNECTION while EXECUTING: hidden at once, the batch answers, then the socket closes', async () => {
    await resetTable(DATABASE);
    const victim = await connectTo(inceptor.port);
    const id = handshakeId(victim);
    const closed = socketClosed(victim);
    const pending = victim.query({ sql: slowUpdates(db, DATABASE, 6), rowsAsArray: true });
    await waitForProcess(observer, id, (r) => r.STATE === 'EXECUTING' && /where id = 1 /.test(r.Info ?? ''));
    await observer.query(`KILL ${id}`);
    assert.equal((await processlist(observer)).some((r) => r.Id === id), false, 'a connection told to close is hidden');

    const rows = await resultRows(pending);
    const killedAt = rows.findIndex((r) => String(r[COL.message] ?? '').includes(KILLED));
    assert.ok(killedAt >= 1 && killedAt < 6, `killed row ${killedAt}`);
    await within(3000, 'the killed connection to close after its response', closed);
    await assert.rejects(victim.query(LOCAL_QUERY));
    const values = await targetValues(DATABASE);
    assert.deepEqual(values, [1, 2, 3, 4, 5, 6].map((n) => (n <= killedAt ? 'after' : 'before')));
  });
});
