// Expected result rows for the e2e tests: audit rows, executed rows (sequence on the real target thread), and a
// comparison of whole result sets that checks every column of every row. Not a test file itself.

import assert from 'node:assert/strict';
import type { Cell, ResultSet } from './archery.js';
import { RESULT_COLUMN_NAMES } from '../../support/result-columns.js';

export const COLUMNS: readonly string[] = RESULT_COLUMN_NAMES;
export const UTF8_TEXT = '中文😀';
const SEQUENCE = /^(\d+)_(\d+)_(\d{8})$/;
const EXECUTE_TIME = /^\d+\.\d{3}$/;

/** An expected cell: the exact value, or a pattern for values that depend on the run (sequence, execute_time). */
export type Expected = Cell | RegExp;

const pad8 = (n: number) => String(n).padStart(8, '0');

/** A row as the audit leaves it (also the rows execution did not reach). */
export function audited(order: number, sql: string, o: { level?: number; message?: string | null; affected?: number } = {}): Expected[] {
  return [order, 'CHECKED', o.level ?? 0, 'Audit Completed', o.message ?? null, sql, o.affected ?? 0, `0_0_${pad8(order - 1)}`, null, '0', null, '0', 0];
}

/** A row that ran on the target thread `threadId`: sequence `<ts>_<thread>_<seq>`, execute_time `N.NNN`. */
export function executed(order: number, sql: string, threadId: number,
  o: { level?: number; message?: string | null; affected?: number; status?: string } = {}): Expected[] {
  return [order, 'EXECUTED', o.level ?? 0, o.status ?? 'Execute Successfully', o.message ?? null, sql, o.affected ?? 0,
    new RegExp(`^\\d+_${threadId}_${pad8(order - 1)}$`), null, EXECUTE_TIME, null, '0', 0];
}

/** Unix seconds the execution timestamps must fall in. */
export interface Window {
  from: number;
  to: number;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Compares a whole result set. `typed`: mysqlclient turns LONG/SHORT/LONGLONG/TINY columns into ints, so the
 * expected numbers must arrive as numbers (this checks the wire types); the CLI prints everything as text.
 */
export function assertRows(actual: ResultSet, expected: Expected[][], typed: boolean, window?: Window): void {
  assert.deepEqual(actual.columns, COLUMNS);
  assert.equal(actual.rows.length, expected.length, `row count; got ${JSON.stringify(actual.rows, null, 1)}`);
  actual.rows.forEach((row, i) => {
    const want = expected[i]!.map((cell) => (!typed && typeof cell === 'number' ? String(cell) : cell));
    const comparable: Expected[] = row.map((cell, j) => {
      const pattern = want[j];
      if (!(pattern instanceof RegExp)) return cell;
      assert.equal(typeof cell, 'string', `row ${i + 1} column ${COLUMNS[j]}: ${JSON.stringify(cell)}`);
      assert.match(cell as string, pattern, `row ${i + 1} column ${COLUMNS[j]}`);
      return pattern;
    });
    assert.deepEqual(comparable, want, `row ${i + 1}`);
    const [, ts] = SEQUENCE.exec(String(row[7])) ?? [];
    if (ts !== '0') {
      assert.ok(window, `row ${i + 1} has an execution sequence ${String(row[7])} but none was expected`);
      assert.ok(Number(ts) >= window.from && Number(ts) <= window.to, `row ${i + 1} timestamp ${ts} within ${JSON.stringify(window)}`);
    }
  });
}
