import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ColumnInfo } from '../../../../src/audit/snapshot.js';
import { MaskingError, maskingColumnsOf, type ColumnLookup } from '../../../../src/batch/modes/masking.js';
import { astify } from '../../../../src/sql/node-parser.js';
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

/** As masking mode runs it: parsed with source locations, the text beside it. */
async function mask(sql: string, db: string | null = 'db') {
  const r = astify(sql, true);
  if (!r.ok) throw new Error(r.failure.message);
  return (await maskingColumnsOf(r.asts[0], db, lookup, sql)).map((c) => `${c.index}:${c.schema}.${c.table}.${c.field}:${c.type}:${c.alias}`);
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

test('UNION: one block per branch, each carrying every branch\'s sources for a position, named by its branch', async () => {
  assert.deepEqual(await mask('select name from users union select card from orders'), [
    '0:db.users.name:varchar(20):name',
    '0:db.orders.card:varchar(19):name',
    '0:db.orders.card:varchar(19):card',
    '0:db.users.name:varchar(20):card',
  ]);
  // identical branches are not merged: each still gives its block
  assert.deepEqual(await mask('select phone from users union all select phone from users'), [
    '0:db.users.phone:varchar(11):phone',
    '0:db.users.phone:varchar(11):phone',
  ]);
  assert.deepEqual(await mask('select * from users union select id, user_id, card from orders'), [
    '0:db.users.id:int(11):id',
    '0:db.orders.id:bigint(20):id',
    '1:db.users.name:varchar(20):name',
    '1:db.orders.user_id:int(11):name',
    '2:db.users.phone:varchar(11):phone',
    '2:db.orders.card:varchar(19):phone',
    '0:db.orders.id:bigint(20):id',
    '0:db.users.id:int(11):id',
    '1:db.orders.user_id:int(11):user_id',
    '1:db.users.name:varchar(20):user_id',
    '2:db.orders.card:varchar(19):card',
    '2:db.users.phone:varchar(11):card',
  ]);
});

test('INTERSECT, EXCEPT, three branches and parenthesised branches each give a block', async () => {
  for (const op of ['intersect', 'except', 'union distinct']) {
    assert.deepEqual(await mask(`select name from users ${op} select card from orders`), [
      '0:db.users.name:varchar(20):name',
      '0:db.orders.card:varchar(19):name',
      '0:db.orders.card:varchar(19):card',
      '0:db.users.name:varchar(20):card',
    ], op);
  }
  const three = await mask('select name from users union select card from orders union all select no from other.cards');
  assert.equal(three.length, 9);
  assert.deepEqual(three.slice(6), ['0:other.cards.no:varchar(19):no', '0:db.users.name:varchar(20):no', '0:db.orders.card:varchar(19):no']);
  // node-sql-parser reads `… FROM users UNION (SELECT …)` as a join: it is a branch all the same
  for (const sql of [
    'select name from users union (select card from orders)',
    '(select name from users) union (select card from orders)',
    'select name from users union all (select card from orders)',
  ]) {
    assert.deepEqual(await mask(sql), [
      '0:db.users.name:varchar(20):name',
      '0:db.orders.card:varchar(19):name',
      '0:db.orders.card:varchar(19):card',
      '0:db.users.name:varchar(20):card',
    ], sql);
  }
  const nested = await mask('select name from users union (select card from orders union select no from other.cards)');
  assert.equal(nested.length, 9, nested.join(' '));
  assert.deepEqual(nested.slice(0, 3), ['0:db.users.name:varchar(20):name', '0:db.orders.card:varchar(19):name', '0:other.cards.no:varchar(19):name']);
});

test('a UNION inside a derived table or CTE feeds every branch\'s columns into the outer position', async () => {
  assert.deepEqual(await mask('select x.n from (select name n from users union all select card from orders) x'), [
    '0:db.users.name:varchar(20):n',
    '0:db.orders.card:varchar(19):n',
  ]);
  assert.deepEqual(await mask('with c as (select name from users union select phone from users) select * from c'), [
    '0:db.users.name:varchar(20):name',
    '0:db.users.phone:varchar(11):name',
  ]);
  assert.deepEqual(await mask('select (select card from orders union select no from other.cards limit 1) k from users'), [
    '0:db.orders.card:varchar(19):k',
    '0:other.cards.no:varchar(19):k',
  ]);
});

test('an unaliased expression is named by its text as written', async () => {
  assert.deepEqual(await mask('select ifnull(name,phone), id+1 ,  CONCAT( name , /* c */ phone ) , u.id, 2 from users u'), [
    '0:db.users.name:varchar(20):ifnull(name,phone)',
    '0:db.users.phone:varchar(11):ifnull(name,phone)',
    '1:db.users.id:int(11):id+1',
    '2:db.users.name:varchar(20):CONCAT( name , /* c */ phone )',
    '2:db.users.phone:varchar(11):CONCAT( name , /* c */ phone )',
    '3:db.users.id:int(11):id',
  ]);
  assert.deepEqual(await mask('select distinct (select max(card) from orders) from users union select upper(`no`) from other.cards'), [
    '0:db.orders.card:varchar(19):(select max(card) from orders)',
    '0:other.cards.no:varchar(19):(select max(card) from orders)',
    '0:other.cards.no:varchar(19):upper(`no`)',
    '0:db.orders.card:varchar(19):upper(`no`)',
  ]);
  assert.deepEqual(await mask('with c as (select 1 a) select coalesce(name, a) from users, c'), ['0:db.users.name:varchar(20):coalesce(name, a)']);
});

test('missing table, unknown column and no database are MaskingErrors', async () => {
  await assert.rejects(mask('select a from nope'), (e) => e instanceof MaskingError && e.message === "Table 'db.nope' doesn't exist");
  await assert.rejects(mask('select nope from users'), (e) => e instanceof MaskingError && /Unknown column 'nope'/.test(e.message));
  await assert.rejects(mask('select id from users', null), (e) => e instanceof MaskingError && e.message === 'No database selected');
});
