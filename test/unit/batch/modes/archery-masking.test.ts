// Which result columns Archery masks after its own de-duplication of our masking entries (test/support/archery-masking.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ColumnInfo } from '../../../../src/audit/snapshot.js';
import { maskingColumnsOf, type ColumnLookup } from '../../../../src/batch/modes/masking.js';
import { astify } from '../../../../src/sql/node-parser.js';
import { archeryMaskedColumns, topLevelUnionCount, type MaskingEntry } from '../../../support/archery-masking.js';

function cols(...spec: [string, string][]): ColumnInfo[] {
  return spec.map(([field, type]) => ({ field, type, collation: null, null: 'YES', key: '', default: null, extra: '', comment: '' }));
}
const TABLES: Record<string, ColumnInfo[]> = {
  'db.users': cols(['id', 'int(11)'], ['name', 'varchar(20)'], ['phone', 'varchar(11)']),
  'db.orders': cols(['id', 'bigint(20)'], ['user_id', 'int(11)'], ['card', 'varchar(19)']),
  'db.customers': cols(['id', 'int(11)'], ['phone', 'varchar(11)']),
};
const lookup: ColumnLookup = async (db, name) => TABLES[`${db}.${name}`] ?? null;
const RULES = ['db.users.phone', 'db.orders.card'];

async function masked(sql: string): Promise<number[]> {
  const r = astify(sql, true);
  if (!r.ok) throw new Error(r.failure.message);
  return archeryMaskedColumns(sql, await maskingColumnsOf(r.asts[0], 'db', lookup, sql), RULES);
}

test('the port counts UNION keywords at the top level only', () => {
  assert.equal(topLevelUnionCount('select a from t union all select b from u UNION select c from v'), 2);
  assert.equal(topLevelUnionCount('select * from (select a from t union select b from u) x'), 0);
  assert.equal(topLevelUnionCount('select a from t union (select b from u union select c from v)'), 1);
  assert.equal(topLevelUnionCount("select 'union' from t intersect select b from u except select c from v"), 0);
});

test('why each branch carries every branch\'s sources: one entry per branch position alone is bypassed', () => {
  const entry = (index: number, table: string, field: string): MaskingEntry => ({ index, field, type: 'varchar(20)', table, schema: 'db', alias: field });
  // identical branches: Archery keeps one of the two phone entries and masks column 0
  const same = 'select phone from users union all select phone from users';
  assert.deepEqual(archeryMaskedColumns(same, [entry(0, 'users', 'phone'), entry(0, 'users', 'phone')], RULES), [0]);
  // one merged entry (what inceptor answered before): no field repeats, Archery keeps nothing
  assert.deepEqual(archeryMaskedColumns(same, [entry(0, 'users', 'phone')], RULES), []);
  // the second branch reads the masked column: branch-own entries only have no repeated field for it → leak
  const cross = 'select id, name from users union all select user_id, card from orders';
  const own = [entry(0, 'users', 'id'), entry(1, 'users', 'name'), entry(0, 'orders', 'user_id'), entry(1, 'orders', 'card')];
  assert.deepEqual(archeryMaskedColumns(cross, own, RULES), []);
});

test('masked result columns after Archery\'s de-duplication of our answer', async () => {
  const cases: [string, number[]][] = [
    ['select id, phone from users', [1]],
    ['select phone from users union all select phone from users limit 100', [0]],
    ['select phone from users union select phone from users', [0]],
    // the masked column is only in the second branch, from another table
    ['select id, name from users union all select user_id, card from orders', [1]],
    ['select name from users union select phone from customers union select phone from users', [0]],
    ['select * from users union select id, card, user_id from orders', [1, 2]],
    ['select id from users union select id from orders', []],
    ['select name from users intersect select card from orders', [0]],
    ['select name, id from users except select card, id from orders', [0]],
    ['select name from users union (select id from orders union select card from orders)', [0]],
    ['(select name from users) union all (select phone from users)', [0]],
    ['select name from users union all (select phone from users)', [0]],
    ['select x.n from (select name n from users union all select card from orders) x', [0]],
    ['with c as (select id, name from users union select id, phone from users) select * from c', [1]],
    ['select concat(name, id) from users union all select ifnull(card, user_id) from orders', [0]],
    ['select id, (select card from orders o where o.user_id = u.id limit 1) from users u union select 1, 2', [1]],
  ];
  for (const [sql, expected] of cases) assert.deepEqual(await masked(sql), expected, sql);
});
