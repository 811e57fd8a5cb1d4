import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ColumnInfo } from '../../../../src/audit/snapshot.js';
import { MaskingError, maskingColumnsOf, type ColumnLookup } from '../../../../src/batch/modes/masking.js';
import { parseStatement } from '../../../../src/sql/parse.js';

function cols(...spec: [string, string][]): ColumnInfo[] {
  return spec.map(([field, type]) => ({ field, type, collation: null, null: 'YES', key: '', default: null, extra: '', comment: '' }));
}

const TABLES: Record<string, ColumnInfo[]> = {
  'db.users': cols(['id', 'int(11)'], ['name', 'varchar(20)'], ['phone', 'varchar(11)']),
  'db.orders': cols(['id', 'bigint(20)'], ['user_id', 'int(11)'], ['card', 'varchar(19)']),
  'other.cards': cols(['no', 'varchar(19)']),
};
const lookup: ColumnLookup = async (db, name) => TABLES[`${db}.${name}`] ?? null;

async function mask(sql: string, db: string | null = 'db') {
  const r = parseStatement(sql);
  if (!r.ok) throw new Error(r.message);
  return (await maskingColumnsOf(r.statement.ast, db, lookup)).map((c) => `${c.index}:${c.schema}.${c.table}.${c.field}:${c.type}:${c.alias}`);
}

test('plain columns, aliases, and a function over two columns', async () => {
  assert.deepEqual(await mask('select id, phone as p, concat(name, phone) np, 1 from users'), [
    '0:db.users.id:int(11):id',
    '1:db.users.phone:varchar(11):p',
    '2:db.users.name:varchar(20):np',
    '2:db.users.phone:varchar(11):np',
  ]);
});

test('JSON entry keys in wire order', async () => {
  const r = parseStatement('select phone from users');
  assert.ok(r.ok);
  const [entry] = await maskingColumnsOf(r.statement.ast, 'db', lookup);
  assert.equal(JSON.stringify(entry), '{"index":0,"field":"phone","type":"varchar(11)","table":"users","schema":"db","alias":"phone"}');
});

test('* and t.* expand with the table layout; indexes follow the expansion', async () => {
  assert.deepEqual(await mask('select u.*, o.card from users u join orders o on o.user_id = u.id'), [
    '0:db.users.id:int(11):id',
    '1:db.users.name:varchar(20):name',
    '2:db.users.phone:varchar(11):phone',
    '3:db.orders.card:varchar(19):card',
  ]);
  assert.equal((await mask('select * from users, other.cards')).length, 4);
  assert.deepEqual((await mask('select * from (users u, other.cards)')).slice(2), ['2:db.users.phone:varchar(11):phone', '3:other.cards.no:varchar(19):no']);
});

test('derived tables, CTEs and scalar subqueries resolve to base columns', async () => {
  assert.deepEqual(await mask('select x.ph from (select phone ph from users) x'), ['0:db.users.phone:varchar(11):ph']);
  assert.deepEqual(await mask('with c (n) as (select no from other.cards) select n from c'), ['0:other.cards.no:varchar(19):n']);
  assert.deepEqual(await mask('select (select card from orders o where o.user_id = u.id limit 1) c from users u'), [
    '0:db.orders.card:varchar(19):c',
  ]);
  assert.deepEqual(await mask('with recursive r (n) as (select id from users union all select n + 1 from r where n < 3) select n from r'), [
    '0:db.users.id:int(11):n',
  ]);
});

test('UNION merges sources per position', async () => {
  assert.deepEqual(await mask('select name from users union select card from orders'), [
    '0:db.users.name:varchar(20):name',
    '0:db.orders.card:varchar(19):name',
  ]);
});

test('missing table, unknown column and no database are MaskingErrors', async () => {
  await assert.rejects(mask('select a from nope'), (e) => e instanceof MaskingError && e.message === "Table 'db.nope' doesn't exist");
  await assert.rejects(mask('select nope from users'), (e) => e instanceof MaskingError && /Unknown column 'nope'/.test(e.message));
  await assert.rejects(mask('select id from users', null), (e) => e instanceof MaskingError && e.message === 'No database selected');
});
