// The BACKUP stage's bookkeeping with an in-memory rollback source and writer: statuses (docs/backup.md
// "Statuses"), information rows only for complete rollbacks, percent, KILL during BACKUP and after EXECUTING.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { writeBackup, type BackupWriter } from '../../../src/backup/stage.js';
import type { BackupItem } from '../../../src/backup/capture.js';
import type { BackupContext } from '../../../src/backup/context.js';
import type { InfoRow } from '../../../src/backup/store.js';
import type { DmlRollbackSource, DmlStatementCapture, RollbackEvent } from '../../../src/backup/types.js';
import { ProcessRegistry } from '../../../src/process/registry.js';
import { ResultRow, StageStatus, KILLED_MESSAGE } from '../../../src/rows/row.js';

function memoryWriter() {
  const rollback: { db: string; table: string; opid: string; sql: string }[] = [];
  const info: InfoRow[] = [];
  const writer: BackupWriter = {
    async insertRollback(db, table, opid, statements) {
      for (const sql of statements) rollback.push({ db, table, opid, sql });
    },
    async insertInfo(_db, rows) {
      info.push(...rows);
    },
    async reverseReplayOrder(_db, _table, opid) {
      const mine = rollback.filter((r) => r.opid === opid);
      const others = rollback.filter((r) => r.opid !== opid);
      rollback.splice(0, rollback.length, ...others, ...mine.reverse());
      return true;
    },
  };
  return { writer, rollback, info };
}

function context(rows: ResultRow[]) {
  const entry = new ProcessRegistry().register({ id: 4, user: 'u', clientHost: 'h', isAdmin: false, close: () => {} });
  entry.beginRequest();
  const ctx = {
    options: { host: '10.0.0.1', port: 3306, user: 'u', password: 'p', db: 'd', execute: true, backup: true, ssl: '' },
    rows,
    target: { serverInfo: { isMariaDb: true } },
    settings: { inc: { enable_minimal_rollback: false, hex_blob: false } },
    process: entry,
    log: pino({ level: 'silent' }),
    auditor: { tableFor: () => null, snapshot: null },
  } as unknown as BackupContext;
  return { ctx, entry };
}

function executed(seq: number, sql: string, affected: number): ResultRow {
  const row = new ResultRow(sql);
  row.seqNo = seq;
  row.stage = 'EXECUTED';
  row.stageStatus = StageStatus.EXECUTE_OK;
  row.threadId = 77;
  row.execTimestamp = 1700000000;
  row.affectedRows = affected;
  return row;
}

function dml(row: ResultRow, type: BackupItem['type'] = 'UPDATE'): BackupItem {
  const capture: DmlStatementCapture = {
    rowIndex: row.seqNo,
    start: { file: 'b.000001', position: 100 + row.seqNo * 10 },
    end: { file: 'b.000001', position: 105 + row.seqNo * 10 },
    gtid: `0-1-${row.seqNo}`,
    threadId: 77,
    ordinalInTransaction: 0,
    affectedRows: row.affectedRows,
    tables: [],
    mainTable: { db: 'd', name: 't' },
  };
  row.binlog = { startFile: 'b.000001', startPos: capture.start.position, endFile: 'b.000001', endPos: capture.end.position };
  return { row, type, db: 'd', table: 't', dml: capture, ddl: null, failure: null };
}

/** A source that replays `events`, calling `onEvent` before each (to KILL in the middle). */
function replay(events: RollbackEvent[], onEvent: (i: number) => void = () => {}): DmlRollbackSource {
  return async function* (_statements, options) {
    for (let i = 0; i < events.length; i++) {
      onEvent(i);
      if (options.signal.aborted) return;
      yield events[i]!;
    }
  };
}

test('statuses: complete DML and DDL succeed, partial and failed decodes fail with the reason, 0-row DML keeps its status', async () => {
  const rows = [executed(0, 'update t set a=1', 2), executed(1, 'delete from t', 3), executed(2, 'insert into t values (9)', 1), executed(3, 'update t set a=a', 0), executed(4, 'alter table t add c int', 0), executed(5, 'update t set b=1 where 0', 1)];
  const items: BackupItem[] = [
    dml(rows[0]!),
    dml(rows[1]!, 'DELETE'),
    dml(rows[2]!, 'INSERT'),
    { row: rows[3]!, type: 'UPDATE', db: 'd', table: 't', dml: null, ddl: null, failure: null },
    { row: rows[4]!, type: 'ALTERTABLE', db: 'd', table: 't', dml: null, ddl: ['ALTER TABLE `d`.`t` DROP COLUMN `c`;'], failure: null },
    { row: rows[5]!, type: 'UPDATE', db: 'd', table: 't', dml: null, ddl: null, failure: 'Skip backup because there is no table structure information.' },
  ];
  const source = replay([
    { kind: 'statements', rowIndex: 0, db: 'd', table: 't', sql: ['UPDATE 1;', 'UPDATE 2;'] },
    { kind: 'done', rowIndex: 0, rows: 2 },
    { kind: 'statements', rowIndex: 1, db: 'd', table: 't', sql: ['INSERT 1;'] },
    { kind: 'done', rowIndex: 1, rows: 1 },
    { kind: 'failed', rowIndex: 2, reason: 'Binlog file b.000001 has been purged' },
  ]);
  const { ctx, entry } = context(rows);
  const { writer, rollback, info } = memoryWriter();
  await writeBackup(ctx, writer, items, source, '+00:00');
  assert.equal(entry.state, 'BACKUP');
  assert.deepEqual(rows.map((r) => r.stageStatus), [
    StageStatus.BACKUP_OK, StageStatus.BACKUP_FAILED, StageStatus.BACKUP_FAILED, StageStatus.EXECUTE_OK, StageStatus.BACKUP_OK, StageStatus.BACKUP_FAILED,
  ]);
  assert.equal(rows[1]!.errorMessage, 'Backup: The binlog holds 1 of the 3 changed rows.');
  assert.equal(rows[2]!.errorMessage, 'Backup: Binlog file b.000001 has been purged.');
  assert.equal(rows[5]!.errorLevel, 2);
  for (const r of rows) assert.equal(r.backupDbName, '10_0_0_1_3306_d');
  assert.deepEqual(rollback.map((r) => [r.opid, r.sql]), [
    [rows[4]!.sequence, 'ALTER TABLE `d`.`t` DROP COLUMN `c`;'],
    [rows[0]!.sequence, 'UPDATE 1;'],
    [rows[0]!.sequence, 'UPDATE 2;'],
    [rows[1]!.sequence, 'INSERT 1;'],
  ]);
  // Information rows only where the rollback is complete (or nothing changed): never pointing at missing rows.
  assert.deepEqual(info.map((i) => [i.opid, i.type, i.startPos, i.endPos]).sort(), [
    [rows[0]!.sequence, 'UPDATE', 100, 105],
    [rows[3]!.sequence, 'UPDATE', 0, 0],
    [rows[4]!.sequence, 'ALTERTABLE', 0, 0],
  ].sort());
  assert.equal(info[0]!.host, '10.0.0.1');
  for (const r of rows) assert.ok(r.backupSeconds !== null && r.backupSeconds >= 0);
});

test('KILL during BACKUP: stops after the current event, what was generated is written, the row says killed', async () => {
  const rows = [executed(0, 'update t set a=1', 4), executed(1, 'update t set a=2', 4)];
  const items = rows.map((r) => dml(r));
  const { ctx, entry } = context(rows);
  const percents: number[] = [];
  const source = replay(
    [
      { kind: 'statements', rowIndex: 0, db: 'd', table: 't', sql: ['A;', 'B;'] },
      { kind: 'statements', rowIndex: 0, db: 'd', table: 't', sql: ['C;', 'D;'] },
      { kind: 'done', rowIndex: 0, rows: 4 },
      { kind: 'statements', rowIndex: 1, db: 'd', table: 't', sql: ['E;', 'F;'] },
      { kind: 'statements', rowIndex: 1, db: 'd', table: 't', sql: ['G;', 'H;'] },
      { kind: 'done', rowIndex: 1, rows: 4 },
    ],
    (i) => {
      percents.push(entry.percent);
      if (i === 4) entry.kill('query');
    },
  );
  const { writer, rollback, info } = memoryWriter();
  await writeBackup(ctx, writer, items, source, '+00:00');
  assert.deepEqual(rollback.map((r) => r.sql), ['A;', 'B;', 'C;', 'D;', 'E;', 'F;']);
  assert.equal(rows[0]!.stageStatus, StageStatus.BACKUP_OK);
  assert.equal(rows[1]!.stageStatus, StageStatus.BACKUP_FAILED);
  assert.equal(rows[1]!.errorMessage, `Backup: ${KILLED_MESSAGE}`);
  assert.deepEqual(info.map((i) => i.opid), [rows[0]!.sequence]);
  // A statement's rows are gathered up to one write's worth: its two batches are one write, stored before it is done.
  assert.deepEqual(percents, [0, 0, 0, 50, 50], 'percent = rollback rows written / rows changed (one write in flight)');
});

test('a KILL during EXECUTING (signal already fired) still backs up every statement that ran', async () => {
  const rows = [executed(0, 'delete from t', 1)];
  const { ctx, entry } = context(rows);
  entry.kill('query');
  const { writer, rollback } = memoryWriter();
  await writeBackup(ctx, writer, [dml(rows[0]!)], replay([
    { kind: 'statements', rowIndex: 0, db: 'd', table: 't', sql: ['INSERT;'] },
    { kind: 'done', rowIndex: 0, rows: 1 },
  ]), '+00:00');
  assert.equal(rows[0]!.stageStatus, StageStatus.BACKUP_OK);
  assert.equal(rollback.length, 1);
});

test('a source that throws fails the statement being decoded and leaves the others failed, not successful', async () => {
  const rows = [executed(0, 'update t set a=1', 1), executed(1, 'update t set a=2', 1)];
  const { ctx } = context(rows);
  const broken: DmlRollbackSource = async function* () {
    yield { kind: 'statements', rowIndex: 0, db: 'd', table: 't', sql: ['X;'] };
    throw new Error('connection lost');
  };
  const { writer, info } = memoryWriter();
  await writeBackup(ctx, writer, rows.map((r) => dml(r)), broken, '+00:00');
  assert.deepEqual(rows.map((r) => r.stageStatus), [StageStatus.BACKUP_FAILED, StageStatus.BACKUP_FAILED]);
  assert.equal(rows[0]!.errorMessage, 'Backup: connection lost.');
  assert.equal(info.length, 0);
});

test("one statement's batches are gathered into writes of ROLLBACK_ROWS_PER_WRITE rows, in order, each opid on its own", async () => {
  const { ROLLBACK_ROWS_PER_WRITE } = await import('../../../src/backup/store.js');
  const rest = Math.floor(ROLLBACK_ROWS_PER_WRITE / 2) + 1;
  const n = ROLLBACK_ROWS_PER_WRITE * 2 + rest;
  const rows = [executed(0, 'update t set a=1', n), executed(1, 'update t set a=2', 3)];
  const items = rows.map((r) => dml(r));
  const events: RollbackEvent[] = [];
  // batches of 100 from the source: the writes cut across them
  for (let i = 0; i < n; i += 100) {
    events.push({ kind: 'statements', rowIndex: 0, db: 'd', table: 't', sql: Array.from({ length: Math.min(100, n - i) }, (_, k) => `S${i + k};`) });
  }
  events.push({ kind: 'statements', rowIndex: 1, db: 'd', table: 't', sql: ['X;', 'Y;'] });
  events.push({ kind: 'done', rowIndex: 0, rows: n });
  events.push({ kind: 'statements', rowIndex: 1, db: 'd', table: 't', sql: ['Z;'] });
  events.push({ kind: 'done', rowIndex: 1, rows: 3 });
  const { ctx } = context(rows);
  const { writer, rollback, info } = memoryWriter();
  const writes: [string, number][] = [];
  const counting: BackupWriter = {
    ...writer,
    async insertRollback(db, table, opid, statements) {
      writes.push([opid, statements.length]);
      return writer.insertRollback(db, table, opid, statements);
    },
  };
  await writeBackup(ctx, counting, items, replay(events), '+00:00');
  assert.deepEqual(writes, [
    [rows[0]!.sequence, ROLLBACK_ROWS_PER_WRITE],
    [rows[0]!.sequence, ROLLBACK_ROWS_PER_WRITE],
    [rows[0]!.sequence, rest],
    // another statement's done does not end this one's gathering
    [rows[1]!.sequence, 3],
  ]);
  assert.deepEqual(rollback.filter((r) => r.opid === rows[0]!.sequence).map((r) => r.sql), Array.from({ length: n }, (_, k) => `S${k};`));
  assert.deepEqual(rows.map((r) => r.stageStatus), [StageStatus.BACKUP_OK, StageStatus.BACKUP_OK]);
  assert.equal(info.length, 2);
});
