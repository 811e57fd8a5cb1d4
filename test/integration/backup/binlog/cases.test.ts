// The binlog side's particular cases against the real MariaDB (docs/binlog.md): multi-table statements, several
// statements in one transaction, a DML decoded after a later ALTER, layouts that do not match, a missing binlog
// file, a rotation inside a range, KILL (abort), enable_minimal_rollback and hex_blob.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type mysql from 'mysql2/promise';
import { readRollback } from '../../../../src/backup/binlog/index.js';
import type { DmlStatementCapture, RollbackEvent } from '../../../../src/backup/types.js';
import { directConnection, freshDatabase, testDb } from '../../../support/mariadb.js';
import { binlogPosition, collect, runCaptured, sourceOptions, tableLayout } from '../../../support/binlog-capture.js';

function sqlOf(events: RollbackEvent[], rowIndex?: number): string[] {
  return events.flatMap((e) => (e.kind === 'statements' && (rowIndex === undefined || e.rowIndex === rowIndex) ? e.sql : []));
}

function outcomes(events: RollbackEvent[]): RollbackEvent[] {
  return events.filter((e) => e.kind !== 'statements');
}

async function withSchema(name: string, body: (conn: mysql.Connection, schema: string) => Promise<void>): Promise<void> {
  const schema = await freshDatabase(name);
  const conn = await directConnection(schema);
  try {
    await body(conn, schema);
  } finally {
    await conn.end();
  }
}

test('multi-table UPDATE: each table gets its own rollback statements', () =>
  withSchema('bd_multi', async (conn, schema) => {
    await conn.query('CREATE TABLE a (id int PRIMARY KEY, v varchar(10)); CREATE TABLE b (id int PRIMARY KEY, w int)');
    await conn.query("INSERT INTO a VALUES (1,'x'),(2,'y'); INSERT INTO b VALUES (1,10),(2,20)");
    const layouts = [await tableLayout(conn, schema, 'a'), await tableLayout(conn, schema, 'b')];
    const c = await runCaptured(conn, 1, "UPDATE a JOIN b ON a.id = b.id SET a.v = 'z', b.w = b.w + 1", layouts);
    const events = await collect(readRollback([c], sourceOptions(await testDb())));
    assert.deepEqual(outcomes(events), [{ kind: 'done', rowIndex: 1, rows: 4 }]);
    const tables = events.filter((e) => e.kind === 'statements').map((e) => (e as { table: string }).table);
    assert.deepEqual([...new Set(tables)].sort(), ['a', 'b']);
    assert.ok(sqlOf(events).includes("UPDATE `bd_multi`.`a` SET `id`=1, `v`='x' WHERE `id`=1;"));
    assert.ok(sqlOf(events).includes('UPDATE `bd_multi`.`b` SET `id`=2, `w`=20 WHERE `id`=2;'));
  }));

test('statements of one transaction are told apart by statement boundaries', () =>
  withSchema('bd_trans', async (conn, schema) => {
    await conn.query('CREATE TABLE t (id int PRIMARY KEY, v int)');
    const layout = await tableLayout(conn, schema, 't');
    await conn.query('BEGIN');
    const start = await binlogPosition(conn);
    const [r1] = await conn.query('INSERT INTO t VALUES (1,1),(2,2)');
    const [r2] = await conn.query('UPDATE t SET v = 5 WHERE id = 99');
    const [r3] = await conn.query('UPDATE t SET v = v + 10');
    await conn.query('COMMIT');
    const end = await binlogPosition(conn);
    const [[{ gtid }]] = (await conn.query('SELECT @@last_gtid AS gtid')) as unknown as [[{ gtid: string }]];
    const [[{ id }]] = (await conn.query('SELECT CONNECTION_ID() AS id')) as unknown as [[{ id: number }]];
    const captures: DmlStatementCapture[] = [r1, r2, r3].map((r, i) => ({
      rowIndex: i + 1,
      start,
      end,
      gtid,
      threadId: id,
      ordinalInTransaction: i,
      affectedRows: (r as { affectedRows: number }).affectedRows,
      tables: [layout],
      mainTable: { db: schema, name: 't' },
    }));
    const events = await collect(readRollback(captures, sourceOptions(await testDb())));
    assert.deepEqual(outcomes(events), [
      { kind: 'done', rowIndex: 1, rows: 2 },
      { kind: 'done', rowIndex: 2, rows: 0 },
      { kind: 'done', rowIndex: 3, rows: 2 },
    ]);
    assert.deepEqual(sqlOf(events, 1), ['DELETE FROM `bd_trans`.`t` WHERE `id`=1;', 'DELETE FROM `bd_trans`.`t` WHERE `id`=2;']);
    assert.deepEqual(sqlOf(events, 3), ['UPDATE `bd_trans`.`t` SET `id`=1, `v`=1 WHERE `id`=1;', 'UPDATE `bd_trans`.`t` SET `id`=2, `v`=2 WHERE `id`=2;']);
  }));

test('a DML decodes with its own layout after a later ALTER; a wrong layout fails loudly', () =>
  withSchema('bd_alter', async (conn, schema) => {
    await conn.query("CREATE TABLE t (id int PRIMARY KEY, a varchar(10), b int); INSERT INTO t VALUES (1,'x',10)");
    const before = await tableLayout(conn, schema, 't');
    const c = await runCaptured(conn, 1, "UPDATE t SET a = 'y', b = 11", [before]);
    await conn.query('ALTER TABLE t ADD COLUMN z int FIRST, DROP COLUMN a');
    const events = await collect(readRollback([c], sourceOptions(await testDb())));
    assert.deepEqual(sqlOf(events), ["UPDATE `bd_alter`.`t` SET `id`=1, `a`='x', `b`=10 WHERE `id`=1;"]);

    // Same column count, different types: the current layout must not be used to label the old row.
    const after = await tableLayout(conn, schema, 't');
    const wrong = await collect(readRollback([{ ...c, tables: [after] }], sourceOptions(await testDb())));
    assert.equal(wrong.length, 1);
    assert.equal(wrong[0].kind, 'failed');
    assert.match((wrong[0] as { reason: string }).reason, /columns do not match: .*column 2 `id`: binlog type varchar does not match layout type int\(11\)/);

    const fewer = { ...before, columns: before.columns.slice(0, 2) };
    const counted = await collect(readRollback([{ ...c, tables: [fewer] }], sourceOptions(await testDb())));
    assert.match((counted[0] as { reason: string }).reason, /the binlog row has 3 columns, the table layout as of this statement 2/);
  }));

test('a binlog file that is gone gives a clear failure for every statement', () =>
  withSchema('bd_purged', async (conn, schema) => {
    await conn.query('CREATE TABLE t (id int PRIMARY KEY)');
    const c = await runCaptured(conn, 1, 'INSERT INTO t VALUES (1)', [await tableLayout(conn, schema, 't')]);
    const gone = { file: 'binlog.999999', position: 4 };
    const events = await collect(readRollback([{ ...c, start: gone }, { ...c, rowIndex: 2, start: gone }], sourceOptions(await testDb())));
    assert.equal(events.length, 2);
    for (const e of events) {
      assert.equal(e.kind, 'failed');
      assert.match((e as { reason: string }).reason, /^the binlog cannot be read from binlog\.999999:4 \(purged or rotated away\?\)/);
    }
  }));

test('a rotation inside the range is followed into the next file', () =>
  withSchema('bd_rotate', async (conn, schema) => {
    await conn.query('CREATE TABLE t (id int PRIMARY KEY, v int)');
    const layout = await tableLayout(conn, schema, 't');
    const start = await binlogPosition(conn);
    const [res] = await conn.query('INSERT INTO t VALUES (1,1),(2,2)');
    const [[{ gtid }]] = (await conn.query('SELECT @@last_gtid AS gtid')) as unknown as [[{ gtid: string }]];
    await conn.query('FLUSH BINARY LOGS');
    await conn.query('INSERT INTO t VALUES (3,3)');
    const end = await binlogPosition(conn);
    assert.notEqual(end.file, start.file);
    const capture: DmlStatementCapture = {
      rowIndex: 7,
      start,
      end,
      gtid,
      threadId: 0,
      ordinalInTransaction: 0,
      affectedRows: (res as { affectedRows: number }).affectedRows,
      tables: [layout],
      mainTable: { db: schema, name: 't' },
    };
    const events = await collect(readRollback([capture], sourceOptions(await testDb())));
    assert.deepEqual(outcomes(events), [{ kind: 'done', rowIndex: 7, rows: 2 }]);
  }));

test('without a captured GTID, MariaDB events are not guessed at', () =>
  withSchema('bd_nogtid', async (conn, schema) => {
    await conn.query('CREATE TABLE t (id int PRIMARY KEY)');
    const c = await runCaptured(conn, 1, 'INSERT INTO t VALUES (1)', [await tableLayout(conn, schema, 't')]);
    const events = await collect(readRollback([{ ...c, gtid: null }], sourceOptions(await testDb())));
    assert.equal(events.length, 1);
    assert.match((events[0] as { reason: string }).reason, /no GTID was captured/);
  }));

test('abort (KILL) ends the stream after the current event, keeping what was generated', () =>
  withSchema('bd_abort', async (conn, schema) => {
    await conn.query('CREATE TABLE t (id int PRIMARY KEY, pad varchar(200))');
    const values = Array.from({ length: 20000 }, (_, i) => `(${i + 1}, REPEAT('p', 150))`).join(',');
    const c = await runCaptured(conn, 1, `INSERT INTO t VALUES ${values}`, [await tableLayout(conn, schema, 't')]);
    const controller = new AbortController();
    const seen: RollbackEvent[] = [];
    for await (const e of readRollback([c], sourceOptions(await testDb(), { signal: controller.signal }))) {
      seen.push(e);
      controller.abort();
    }
    assert.ok(seen.length >= 1);
    assert.ok(seen.every((e) => e.kind === 'statements'), 'no done/failed after the abort');
    assert.ok(sqlOf(seen).length < 20000, `stopped early (${sqlOf(seen).length} statements)`);
  }));

test('enable_minimal_rollback and hex_blob shape the statements', () =>
  withSchema('bd_options', async (conn, schema) => {
    await conn.query("CREATE TABLE t (id int PRIMARY KEY, a int, b varbinary(8), c blob); INSERT INTO t VALUES (1, 1, X'00ff', 'txt')");
    const c = await runCaptured(conn, 1, 'UPDATE t SET a = 2', [await tableLayout(conn, schema, 't')]);
    const db = await testDb();
    const minimal = await collect(readRollback([c], sourceOptions(db, { minimalRollback: true })));
    assert.deepEqual(sqlOf(minimal), ['UPDATE `bd_options`.`t` SET `a`=1 WHERE `id`=1;']);
    const full = await collect(readRollback([c], sourceOptions(db)));
    assert.deepEqual(sqlOf(full), ["UPDATE `bd_options`.`t` SET `id`=1, `a`=1, `b`=X'00ff', `c`='txt' WHERE `id`=1;"]);
    const hex = await collect(readRollback([c], sourceOptions(db, { hexBlob: true })));
    assert.deepEqual(sqlOf(hex), ["UPDATE `bd_options`.`t` SET `id`=1, `a`=1, `b`=X'00ff', `c`=X'747874' WHERE `id`=1;"]);
  }));

test('a dump connection killed mid-stream is reopened; no row is lost or repeated', () =>
  withSchema('bd_reconnect', async (conn, schema) => {
    await conn.query("CREATE OR REPLACE USER 'bd_repl'@'%' IDENTIFIED BY 'replpw'; GRANT REPLICATION SLAVE ON *.* TO 'bd_repl'@'%'");
    await conn.query('CREATE TABLE t (id int PRIMARY KEY, pad varchar(250))');
    const rows = 60000;
    await conn.query(`INSERT INTO t SELECT seq, REPEAT('r', 200) FROM seq_1_to_${rows}`);
    const c = await runCaptured(conn, 1, 'DELETE FROM t', [await tableLayout(conn, schema, 't')]);
    const db = await testDb();
    const seen: RollbackEvent[] = [];
    let killed = 0;
    for await (const e of readRollback([c], sourceOptions(db, { user: 'bd_repl', password: 'replpw' }))) {
      seen.push(e);
      if (killed === 0 && e.kind === 'statements') {
        const [list] = await conn.query("SELECT ID FROM information_schema.PROCESSLIST WHERE USER = 'bd_repl' AND COMMAND LIKE 'Binlog Dump%'");
        for (const { ID } of list as { ID: number }[]) {
          await conn.query(`KILL ${ID}`);
          killed++;
        }
      }
    }
    await conn.query("DROP USER 'bd_repl'@'%'");
    assert.ok(killed >= 1, 'the dump thread was found and killed');
    assert.deepEqual(outcomes(seen), [{ kind: 'done', rowIndex: 1, rows }]);
    const sql = sqlOf(seen);
    assert.equal(sql.length, rows);
    assert.equal(new Set(sql).size, rows, 'no statement handed out twice');
  }));

test('with binlog_row_metadata=FULL the binlog column names are cross-checked', () =>
  withSchema('bd_fullmeta', async (conn, schema) => {
    await conn.query("CREATE TABLE t (id int PRIMARY KEY, a varchar(20), e enum('x','y'))");
    const layout = await tableLayout(conn, schema, 't');
    // Only how rows are logged changes (a superset of NO_LOG); restored right after the one statement.
    await conn.query('SET GLOBAL binlog_row_metadata = FULL');
    let c: DmlStatementCapture;
    try {
      c = await runCaptured(conn, 1, "INSERT INTO t VALUES (1, 'a', 'y')", [layout]);
    } finally {
      await conn.query('SET GLOBAL binlog_row_metadata = NO_LOG');
    }
    const db = await testDb();
    assert.deepEqual(outcomes(await collect(readRollback([c], sourceOptions(db)))), [{ kind: 'done', rowIndex: 1, rows: 1 }]);
    const renamed = { ...layout, columns: layout.columns.map((col, i) => (i === 1 ? { ...col, name: 'other' } : col)) };
    assert.deepEqual(await collect(readRollback([{ ...c, tables: [renamed] }], sourceOptions(db))), [
      { kind: 'failed', rowIndex: 1, reason: 'columns do not match: bd_fullmeta.t column 2 `other`: the binlog names it `a`' },
    ]);
  }));
