// Plan warnings (peer codes 1010–1012, docs/audit.md "Peer rules"): read from the EXPLAIN the affected-rows estimate
// runs, each behind its own option, at its own level, after every other message of the statement.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LAYOUT, RuleTester } from '../../support/rule-tester.js';

const SCAN = [{ id: 1, select_type: 'SIMPLE', table: 't1', type: 'ALL', rows: 5000, Extra: 'Using where; Using filesort' }];
const JOIN = [
  { id: 1, select_type: 'PRIMARY', table: '<derived2>', type: 'ALL', rows: 10, Extra: 'Using temporary' },
  { id: 1, select_type: 'PRIMARY', table: 'x', type: 'eq_ref', rows: 1, Extra: '' },
  { id: 2, select_type: 'DERIVED', table: 't2', type: 'index', rows: 10, Extra: 'Using index' },
];
const ALL_ON = { check_dml_full_scan: true, check_dml_filesort: true, check_dml_temporary: true };
const FULL_SCAN = "Full scan of 't1' (about 5000 rows examined).";
const FILESORT = "Rows of 't1' are sorted without an index (Using filesort).";

test('plan warnings: full scan and filesort of an UPDATE, each under its own option', async () => {
  const tester = new RuleTester({ ...LAYOUT, explainPlan: SCAN });
  const sql = 'update t1 set c2 = 1 where c1 = "a" order by c2';
  assert.deepEqual((await tester.audit(null, sql, { inc: ALL_ON })).messages, [FULL_SCAN, FILESORT]);
  assert.deepEqual((await tester.audit(null, sql, { inc: { check_dml_filesort: true } })).messages, [FILESORT]);
  // off by default
  assert.deepEqual((await tester.audit(null, sql)).messages, []);
  // a level of their own: 2 blocks execution, 0 drops
  const strict = await tester.audit(null, sql, { inc: ALL_ON, levels: { er_plan_full_scan: 2, er_plan_filesort: 0 } });
  assert.deepEqual([strict.messages, strict.level], [[FULL_SCAN], 2]);
  const zh = await tester.audit(null, sql, { inc: { ...ALL_ON, lang: 'zh-CN' } });
  assert.deepEqual(zh.messages, ["对 't1' 全表扫描(预计扫描 5000 行).", "'t1' 的行排序未使用索引(Using filesort)."]);
});

test('plan warnings: a derived table scanned whole is no full scan; temporary; a close miss (range) says nothing', async () => {
  const tester = new RuleTester({ ...LAYOUT, explainPlan: JOIN });
  const out = await tester.audit(null, 'delete x from t1 x join (select id from t2) d on x.id = d.id where x.id > 0', { inc: ALL_ON });
  // the derived table reads all of t2 (through an index): that scan is named, not the derived table's
  assert.deepEqual(out.messages, ["A temporary table is built for '<derived2>' (Using temporary).", "Full scan of 't2' (about 10 rows examined)."]);
  const indexed = new RuleTester({ ...LAYOUT, explainPlan: [{ table: 't1', type: 'range', rows: 3, Extra: 'Using where' }] });
  assert.deepEqual((await indexed.audit(null, 'delete from t1 where id < 4', { inc: ALL_ON })).messages, []);
  // every entry of an index is a full scan too (MariaDB's plan of an UPDATE reading the whole primary key)
  const wholeIndex = new RuleTester({ ...LAYOUT, explainPlan: [{ table: 't1', type: 'index', key: 'PRIMARY', rows: 200, Extra: 'Using where' }] });
  assert.deepEqual((await wholeIndex.audit(null, "delete from t1 where c1 = 'x'", { inc: ALL_ON })).messages, ["Full scan of 't1' (about 200 rows examined)."]);
});

test('plan warnings come after the WHERE/LIMIT rules and the other peers; none without an EXPLAIN', async () => {
  const tester = new RuleTester({ ...LAYOUT, explainPlan: SCAN });
  const out = await tester.audit('*', 'update t1 set c2 = 1 limit 1', { inc: { ...ALL_ON, check_dml_where: true, check_dml_limit: true, check_update_primary_key: true } });
  assert.deepEqual(out.messages.slice(-2), [FULL_SCAN, FILESORT]);
  assert.ok(out.messages.includes('Please set the where condition.'), out.messages.join('|'));
  // an error on the row: no EXPLAIN, no plan
  const blocked = await tester.audit('*', 'update t1 set nope = 1 where c1 = "a"', { inc: ALL_ON });
  assert.deepEqual(blocked.messages, ["Column 'nope' not existed."]);
  // INSERT … VALUES is counted, never EXPLAINed
  assert.deepEqual((await tester.audit(null, 'insert into t2 (id, c1) values (1, 2)', { inc: ALL_ON })).messages, []);
});

test('plan warnings: the fingerprint cache passes them on to later statements of the shape', async () => {
  const tester = new RuleTester({ ...LAYOUT, explainPlan: SCAN });
  const outs = await tester.auditBatch(null, ['update t1 set c2 = 1 where c1 = "a"', 'update t1 set c2 = 2 where c1 = "b"'], { inc: { ...ALL_ON, enable_fingerprint: true } });
  assert.deepEqual(outs.map((o) => o.messages), [[FULL_SCAN, FILESORT], [FULL_SCAN, FILESORT]]);
});

test('execute mode without --ignore-warnings: a warning raised before the EXPLAIN blocks it (affected_rows 0, no plan warnings)', async () => {
  const tester = new RuleTester({ ...LAYOUT, explainPlan: SCAN });
  // ErrWrongAndExpr comes before the EXPLAIN; the missing WHERE after it (goInception's order), so it blocks nothing
  const sql = 'update t1 set c2 = 1 and c1 = 2 where c1 = 1';
  const wrongAnd = 'May be the wrong syntax! Separate multiple fields with commas.';
  const ignored = await tester.audit('*', sql, { inc: ALL_ON, execute: true, ignoreWarnings: true });
  assert.deepEqual([ignored.messages, ignored.affectedRows], [[wrongAnd, FULL_SCAN, FILESORT], 5000]);
  const notIgnored = await tester.audit('*', sql, { inc: ALL_ON, execute: true, ignoreWarnings: false });
  assert.deepEqual([notIgnored.messages, notIgnored.affectedRows], [[wrongAnd], 0]);
  const noWhere = await tester.audit('*', 'update t1 set c2 = 1', { inc: { ...ALL_ON, check_dml_where: true }, execute: true, ignoreWarnings: false });
  assert.deepEqual([noWhere.messages, noWhere.affectedRows], [['Please set the where condition.', FULL_SCAN, FILESORT], 5000]);
});
