// Which transaction of a position range is a killed statement's (docs/kill.md "What BACKUP makes of a statement
// killed on the target"): thread ids decide where the binlog has them, statement texts only where the connection
// was lost, and whatever cannot be told apart is reported, never guessed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attributeOutcome, type ScannedTransaction } from '../../../../src/backup/binlog/outcome.js';
import type { OutcomeQuery } from '../../../../src/backup/types.js';

const FILE = 'binlog.000003';
const SQL = "update t set c = 'after' where id = 1";

function txn(at: number, opts: { thread?: number; texts?: string[]; tables?: string[] }): ScannedTransaction {
  return {
    start: { file: FILE, position: at },
    end: { file: FILE, position: at + 100 },
    gtid: `0-1-${at}`,
    threadId: opts.thread ?? null,
    texts: opts.texts ?? [],
    tables: new Set(opts.tables ?? ['d.t']),
    begun: true,
  };
}

function query(byText: boolean): OutcomeQuery {
  return { start: { file: FILE, position: 100 }, end: { file: FILE, position: 2000 }, threadId: 42, statements: [SQL], tables: [{ db: 'D', name: 'T' }], byText };
}

test('a transaction with the statement thread id is its own, whatever else touched the table', () => {
  const own = txn(300, { thread: 42 });
  const result = attributeOutcome(query(false), [txn(200, { thread: 7 }), own, txn(400, { texts: [SQL] })]);
  assert.deepEqual(result, { kind: 'found', start: own.start, end: own.end, gtid: own.gtid, by: 'thread' });
});

test('two transactions with its thread id cannot be told apart', () => {
  const result = attributeOutcome(query(true), [txn(200, { thread: 42 }), txn(300, { thread: 42 })]);
  assert.equal(result.kind, 'unknown');
});

test('after a server error only its thread id counts: a transaction with its text is someone else\'s', () => {
  assert.deepEqual(attributeOutcome(query(false), [txn(200, { texts: [SQL] }), txn(300, {})]), { kind: 'none' });
});

test('after a lost connection: the one transaction with its text is its own; other texts and other tables do not matter', () => {
  const mine = txn(300, { texts: [SQL] });
  const result = attributeOutcome(query(true), [txn(200, { texts: ['update t set c = 1'] }), mine, txn(400, { tables: ['d.other'] })]);
  assert.deepEqual(result, { kind: 'found', start: mine.start, end: mine.end, gtid: mine.gtid, by: 'text' });
});

test('after a lost connection: a transaction without text or thread id on its table, or two with its text, make it undecidable', () => {
  const silent = attributeOutcome(query(true), [txn(200, { texts: [SQL] }), txn(300, {})]);
  assert.equal(silent.kind, 'unknown');
  assert.match(silent.kind === 'unknown' ? silent.reason : '', /neither a thread id nor the statement text for 1 of them/);
  const twice = attributeOutcome(query(true), [txn(200, { texts: [SQL] }), txn(300, { texts: [SQL] })]);
  assert.equal(twice.kind, 'unknown');
  assert.match(twice.kind === 'unknown' ? twice.reason : '', /2 of them carry this statement's very text/);
});

test('nothing on its tables in the range: it changed nothing', () => {
  assert.deepEqual(attributeOutcome(query(true), [txn(200, { tables: ['d.other'], texts: [SQL] })]), { kind: 'none' });
});
