// --split, --enable-query-print and --masking through handleRequest against the real MariaDB, with Archery's
// envelopes (docs/result-modes.md).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { directConnection, freshDatabase, testDb, type TestDb } from '../../../support/mariadb.js';
import { batchHarness, type BatchHarness } from '../../../support/batch.js';
import type { QueryResult } from '../../../../src/protocol/result.js';

const DB = 'batch_modes_it';
let db: TestDb;
let harness: BatchHarness;

before(async () => {
  db = await testDb();
  await freshDatabase(DB);
  const c = await directConnection(DB);
  await c.query('create table users (id int primary key, name varchar(20), phone varchar(11))');
  await c.query('create table orders (id bigint primary key, user_id int, amount decimal(10,2))');
  await c.end();
  harness = batchHarness();
});

after(async () => {
  const c = await directConnection();
  await c.query(`drop database if exists \`${DB}\``);
  await c.end();
});

async function run(text: string): Promise<Extract<QueryResult, { kind: 'rows' }>> {
  const r = await harness.run(text);
  assert.equal(r.kind, 'rows');
  return r as Extract<QueryResult, { kind: 'rows' }>;
}

function names(r: Extract<QueryResult, { kind: 'rows' }>): string[] {
  return r.columns.map((c) => c.name);
}

// --- split ---------------------------------------------------------------------------------------------------

test('split: groups with use prefix and ddlflag, nothing executed', async () => {
  const r = await run(
    `/*--user=${db.user};--password=${db.password};--host=${db.host};--port=${db.port};--split=1;*/\n` +
      `inception_magic_start;\nuse ${DB};\ninsert into users values (1, 'a', '1');\nselect * from users;\n` +
      `alter table users add column age int;\nupdate orders set amount = 1 where id = 1;\ninception_magic_commit;`,
  );
  assert.deepEqual(names(r), ['id', 'sql_statement', 'ddlflag', 'error_message']);
  assert.deepEqual(r.rows, [
    ['1', `use ${DB};\ninsert into users values (1, 'a', '1');\n`, '0', null],
    ['2', `use \`${DB}\`;\nalter table users add column age int;\nupdate orders set amount = 1 where id = 1;\n`, '1', null],
  ]);
  const c = await directConnection(DB);
  const [rows] = await c.query('select count(*) n from users');
  const [cols] = await c.query("show columns from users like 'age'");
  await c.end();
  assert.deepEqual(rows, [{ n: 0 }]);
  assert.equal((cols as unknown[]).length, 0);
});

test('split: parse error and missing commit end with an error row', async () => {
  const head = `/*--user=${db.user};--password=${db.password};--host=${db.host};--port=${db.port};--split=1;*/\ninception_magic_start;\nuse ${DB};\n`;
  const bad = await run(`${head}insert into users values (1);\nupdate users sett a = 1;\ninception_magic_commit;`);
  assert.equal(bad.rows.length, 2);
  assert.equal(bad.rows[1]![1], 'update users sett a = 1');
  assert.match(String(bad.rows[1]![3]), /^line 1 column \d+ near/);
  const open = await run(`${head}insert into users values (1);`);
  assert.deepEqual(open.rows[1], ['2', '', '0', 'Must end with commit.']);
});

// --- query print ---------------------------------------------------------------------------------------------

/** Archery's print envelope; the `\` after the start is a Python line continuation, so no newline there. */
function printEnvelope(sql: string): string {
  const pad = ' '.repeat(26);
  return (
    `/*--user='${db.user}';--password='${db.password}';--host='${db.host}';--port=${db.port};--enable-query-print;*/\n` +
    `${pad}inception_magic_start;${pad}use \`${DB}\`;\n${pad}${sql.replace(/;+$/, '')};\n${pad}inception_magic_commit;`
  );
}

test('query print: Archery envelope, row 0 is use, row 1 carries the TiDB-shaped tree', async () => {
  const r = await run(printEnvelope('select u.name, o.amount from users u join orders o on o.user_id = u.id where o.id > 1;'));
  assert.deepEqual(names(r), ['id', 'statement', 'errlevel', 'query_tree', 'errmsg']);
  assert.equal(r.rows.length, 2);
  assert.deepEqual(r.rows[0]!.slice(0, 3), ['1', `use \`${DB}\``, '0']);
  assert.equal(r.rows[0]![4], null);
  const [id, statement, level, queryTree, errmsg] = r.rows[1]!;
  assert.deepEqual([id, statement, level, errmsg], ['2', 'select u.name, o.amount from users u join orders o on o.user_id = u.id where o.id > 1', '0', null]);
  const t = JSON.parse(String(queryTree));
  assert.equal(t.From.TableRefs.Left.Source.Name.O, 'users');
  assert.equal(t.From.TableRefs.Left.Source.Schema.O, '');
  assert.equal(t.From.TableRefs.Right.Source.Name.O, 'orders');
});

test('query print: parse error gives a level-2 row with the statement text and stops', async () => {
  const r = await run(printEnvelope('select * frm users; select 1'));
  assert.equal(r.rows.length, 2);
  const [id, statement, level, , errmsg] = r.rows[1]!;
  assert.deepEqual([id, statement, level], ['2', 'select * frm users', '2']);
  assert.match(String(errmsg), /^line 1 column \d+ near "/);
});

// --- masking -------------------------------------------------------------------------------------------------

/** Archery's masking envelope: values unquoted, everything after the comment on one line. */
function maskingEnvelope(sql: string): string {
  return (
    `/*--user=${db.user};--password=${db.password};--host=${db.host};--port=${db.port};--masking=1;*/\n` +
    `inception_magic_start; use \`${DB}\`; ${sql} inception_magic_commit;`
  );
}

test('masking: use gives no row; row 0 is the select with its column list from the target', async () => {
  const r = await run(maskingEnvelope('select u.*, concat(o.amount, u.phone) x from users u join orders o on o.user_id = u.id;'));
  assert.deepEqual(names(r), ['id', 'statement', 'errlevel', 'query_tree', 'errmsg']);
  assert.equal(r.rows.length, 1);
  const [id, statement, level, queryTree, errmsg] = r.rows[0]!;
  assert.deepEqual([id, statement, level, errmsg], ['1', 'select u.*, concat(o.amount, u.phone) x from users u join orders o on o.user_id = u.id', '0', null]);
  assert.deepEqual(JSON.parse(String(queryTree)), [
    { index: 0, field: 'id', type: 'int(11)', table: 'users', schema: DB, alias: 'id' },
    { index: 1, field: 'name', type: 'varchar(20)', table: 'users', schema: DB, alias: 'name' },
    { index: 2, field: 'phone', type: 'varchar(11)', table: 'users', schema: DB, alias: 'phone' },
    { index: 3, field: 'amount', type: 'decimal(10,2)', table: 'orders', schema: DB, alias: 'x' },
    { index: 3, field: 'phone', type: 'varchar(11)', table: 'users', schema: DB, alias: 'x' },
  ]);
});

test('masking: other statements are not supported; a missing table is a level-2 row', async () => {
  const r = await run(maskingEnvelope('update users set name = 1 where id = 1; select a from missing_t;'));
  assert.deepEqual(r.rows, [
    ['1', 'update users set name = 1 where id = 1', '2', '', 'not support'],
    ['2', 'select a from missing_t', '2', '', `Table '${DB}.missing_t' doesn't exist`],
  ]);
});
